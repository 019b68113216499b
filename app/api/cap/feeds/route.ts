import { ZCapFeed, ZCapFeedList, ZCreateCapFeedRequest } from "@/lib/contracts/cap-warnings";
import { addCapFeed, listCapFeeds } from "@/server/cap/manage-cap-feeds";
import { actorOf } from "@/server/http/actor";
import { defineRoute, withStatus } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** The CAP feeds the leader polls, with how the last poll went (ZCapFeedList). */
export const GET = defineRoute({ roles: ["admin"], response: ZCapFeedList }, async ({ runtime }) => ({
  feeds: await listCapFeeds(runtime.database.prisma),
}));

/** Subscribes to a feed (ZCreateCapFeedRequest → 201 ZCapFeed), audited. */
export const POST = defineRoute(
  { roles: ["admin"], body: ZCreateCapFeedRequest, response: ZCapFeed },
  async ({ runtime, user, ip, body }) =>
    withStatus(await addCapFeed({ prisma: runtime.database.prisma, actor: actorOf(user), ip }, body), 201),
);
