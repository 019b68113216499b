import { ZApiKey } from "@/lib/contracts/api-keys";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Revokes a key: its next request is refused (→ ZApiKey with revokedAt). */
export const POST = defineRoute({ roles: ["admin"], response: ZApiKey }, async ({ runtime, user, ip, params }) =>
  revokeApiKey({ prisma: runtime.database.prisma, actor: actorOf(user), ip }, params.id),
);
