import { removeCapFeed } from "@/server/cap/manage-cap-feeds";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Unsubscribes from a feed (204), audited. */
export const DELETE = defineRoute({ roles: ["admin"] }, async ({ runtime, user, ip, params }) => {
  await removeCapFeed({ prisma: runtime.database.prisma, actor: actorOf(user), ip }, params.id);
  return new Response(null, { status: 204 });
});
