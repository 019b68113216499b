import { ZDeadLetterActionResult, ZReplayDeadLettersRequest } from "@/lib/contracts/dead-letters";
import { replayDeadLetters } from "@/server/dead-letters/replay-dead-letters";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Sends the selected letters back to their source topic, audited (ZReplayDeadLettersRequest → ZDeadLetterActionResult). */
export const POST = defineRoute(
  { roles: ["admin", "supervisor"], body: ZReplayDeadLettersRequest, response: ZDeadLetterActionResult },
  async ({ runtime, user, ip, body }) =>
    replayDeadLetters(
      { prisma: runtime.database.prisma, actor: actorOf(user), actorName: user.name, ip, source: runtime.city.source },
      body.ids,
    ),
);
