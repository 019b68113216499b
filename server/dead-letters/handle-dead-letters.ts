import { DEAD_LETTER_NOTE_MAX_CHARS, type TDeadLetterActionResult, type THandleDeadLettersRequest } from "@/lib/contracts/dead-letters";
import { recordAudit } from "@/server/audit/record-audit";
import { inTransaction } from "@/server/db/transaction";
import { nowOf } from "@/server/http/action-deps";
import { sanitizeText } from "@/server/ingest/sanitize-text";
import type { TDeadLetterActionDeps } from "./dead-letter-action-deps";

/**
 * Marks letters as handled (who, when, an optional note) in one transaction with their audit rows. A letter
 * already handled keeps who handled it first; the list hides handled letters unless asked.
 */
export async function handleDeadLetters(deps: TDeadLetterActionDeps, request: THandleDeadLettersRequest): Promise<TDeadLetterActionResult> {
  const ids = [...new Set(request.ids)];
  const note = request.note ? sanitizeText(request.note, DEAD_LETTER_NOTE_MAX_CHARS) : null;
  const at = nowOf(deps);
  return inTransaction(deps.prisma, async (tx) => {
    const results: TDeadLetterActionResult["results"] = [];
    for (const id of ids) {
      // Only while still open: of two people handling the same letter at once, the first keeps it.
      const { count } = await tx.deadLetter.updateMany({
        where: { id, handledAt: null },
        data: { handledAt: at, handledById: deps.actor.id, handledBy: deps.actorName, handledNote: note },
      });
      if (count === 0) {
        const exists = (await tx.deadLetter.count({ where: { id } })) > 0;
        results.push(
          exists
            ? { id, outcome: "already_handled", detail: "It was already marked as handled" }
            : { id, outcome: "not_found", detail: "No such dead letter" },
        );
        continue;
      }
      await recordAudit(tx, {
        actor: deps.actor,
        action: "dead_letter.handled",
        entityType: "dead_letter",
        entityId: id,
        ip: deps.ip,
        after: { handledAt: at, note },
      });
      results.push({ id, outcome: "handled", detail: null });
    }
    return { results };
  });
}
