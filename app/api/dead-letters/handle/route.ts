import { ZDeadLetterActionResult, ZHandleDeadLettersRequest } from "@/lib/contracts/dead-letters";
import { handleDeadLetters } from "@/server/dead-letters/handle-dead-letters";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Marks the selected letters as handled, with an optional note, audited (ZHandleDeadLettersRequest → ZDeadLetterActionResult). */
export const POST = defineRoute(
  { roles: ["admin", "supervisor"], body: ZHandleDeadLettersRequest, response: ZDeadLetterActionResult },
  async ({ runtime, user, ip, body }) =>
    handleDeadLetters({ prisma: runtime.database.prisma, actor: actorOf(user), actorName: user.name, ip }, body),
);
