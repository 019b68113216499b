import type { TDeadLetterActionResult } from "@/lib/contracts/dead-letters";
import { recordAudit } from "@/server/audit/record-audit";
import type { DeadLetter } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { conflict } from "@/server/errors";
import { nowOf } from "@/server/http/action-deps";
import type { TEventSource } from "@/server/ingest/types";
import type { TDeadLetterActionDeps } from "./dead-letter-action-deps";
import { replayBytesOf, whyNotReplayable } from "./dead-letter-view";

type TResult = TDeadLetterActionResult["results"][number];

/**
 * Sends letters back to their source topic with their original key and value bytes (Kafka: marked x-dlq-replayed;
 * without Kafka: through the pipeline in-process). The letters are marked pending before anything is sent, so
 * the outcome the pipeline reports (accepted, or failed again on the same letter) always lands after it; if
 * the source does not take them, the marks are put back and nothing is audited.
 */
export async function replayDeadLetters(
  deps: TDeadLetterActionDeps & { source: Pick<TEventSource, "replay"> },
  ids: readonly string[],
): Promise<TDeadLetterActionResult> {
  const { prisma, source } = deps;
  if (!source.replay) throw conflict("This server's event source cannot replay messages");
  const rows = await prisma.deadLetter.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = new Map<string, TResult>();
  const replayable: DeadLetter[] = [];
  for (const id of new Set(ids)) {
    const row = byId.get(id);
    const why = row ? whyNotReplayable(row) : null;
    if (!row) results.set(id, { id, outcome: "not_found", detail: "No such dead letter" });
    else if (why) results.set(id, { id, outcome: "not_replayable", detail: why });
    else replayable.push(row);
  }
  // In request order, each letter once (a request may name one twice).
  const inOrder = () => ({ results: [...new Set(ids)].map((id) => results.get(id)!) });
  if (replayable.length === 0) return inOrder();

  const at = nowOf(deps);
  await prisma.deadLetter.updateMany({
    where: { id: { in: replayable.map((r) => r.id) } },
    data: { replayCount: { increment: 1 }, lastReplayedAt: at, lastReplayedBy: deps.actorName, replayOutcome: "pending" },
  });
  try {
    await source.replay(replayable.map((row) => ({ deadLetterId: row.id, topic: row.sourceTopic, ...replayBytesOf(row) })));
  } catch (error) {
    await restoreReplayMarks(deps, replayable);
    const detail = `The event source did not take it: ${error instanceof Error ? error.message : String(error)}`;
    for (const row of replayable) results.set(row.id, { id: row.id, outcome: "failed", detail });
    return inOrder();
  }

  await inTransaction(prisma, async (tx) => {
    for (const row of replayable) {
      await recordAudit(tx, {
        actor: deps.actor,
        action: "dead_letter.replayed",
        entityType: "dead_letter",
        entityId: row.id,
        ip: deps.ip,
        before: { replayCount: row.replayCount },
        after: { replayCount: row.replayCount + 1, topic: row.sourceTopic },
      });
    }
  });
  for (const row of replayable) results.set(row.id, { id: row.id, outcome: "replayed", detail: null });
  return inOrder();
}

/** The source took nothing: the letters read as they did before the attempt. */
async function restoreReplayMarks({ prisma }: TDeadLetterActionDeps, rows: readonly DeadLetter[]): Promise<void> {
  await inTransaction(prisma, async (tx) => {
    for (const row of rows) {
      await tx.deadLetter.update({
        where: { id: row.id },
        data: {
          replayCount: row.replayCount,
          lastReplayedAt: row.lastReplayedAt,
          lastReplayedBy: row.lastReplayedBy,
          replayOutcome: row.replayOutcome,
        },
      });
    }
  });
}
