import { ZSilence } from "@/lib/contracts/silences";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";
import { cancelSilence } from "@/server/silences/manage-silences";

export const dynamic = "force-dynamic";

/** Ends a silence now, audited (→ ZSilence; 409 when it already ended). Alerts it silenced stay silenced. */
export const POST = defineRoute({ roles: ["supervisor", "admin"], response: ZSilence }, async ({ runtime, user, ip, params }) =>
  cancelSilence({ prisma: runtime.database.prisma, actor: actorOf(user), actorName: user.name, ip }, params.id),
);
