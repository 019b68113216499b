import { ZCapFeed } from "@/lib/contracts/cap-warnings";
import { removeCapFeed } from "@/server/cap/manage-cap-feeds";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Unsubscribes from a feed, audited (→ the feed as it was, ZCapFeed). */
export const POST = defineRoute({ roles: ["admin"], response: ZCapFeed }, async ({ runtime, user, ip, params }) =>
  removeCapFeed({ prisma: runtime.database.prisma, actor: actorOf(user), ip }, params.id),
);
