import type { Prisma } from "@/server/db/generated/client";
import { conflict } from "@/server/errors";
import type { TTx } from "@/server/db/transaction";

/**
 * A retried request (a phone resending a queued action whose answer it never got) takes effect once.
 * Call first in the transaction: it holds a lock on the key until commit, so a repeat arriving while the
 * first is still running waits for it, then finds its answer. Returns the stored answer, or null for a
 * new key. A key first used by someone else is refused.
 */
export async function replayIdempotent(tx: TTx, key: string, userId: string): Promise<unknown | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  const stored = await tx.idempotentRequest.findUnique({ where: { key } });
  if (!stored) return null;
  if (stored.userId !== userId) throw conflict("This request key was already used by someone else");
  return stored.response;
}

/** Stores the answer under the key, in the same transaction as the change it answers. */
export async function rememberAnswer(tx: TTx, key: string, userId: string, response: unknown): Promise<void> {
  await tx.idempotentRequest.create({
    data: { key, userId, status: 200, response: JSON.parse(JSON.stringify(response)) as Prisma.InputJsonValue },
  });
}

/** Long past any retry: a phone keeps queued actions for 12 hours at most. */
export const IDEMPOTENCY_KEEP_MS = 7 * 24 * 60 * 60_000;

/** Forgets answers older than IDEMPOTENCY_KEEP_MS; returns how many. */
export async function forgetOldAnswers(prisma: Pick<TTx, "idempotentRequest">, now = new Date()): Promise<number> {
  const { count } = await prisma.idempotentRequest.deleteMany({ where: { at: { lt: new Date(now.getTime() - IDEMPOTENCY_KEEP_MS) } } });
  return count;
}
