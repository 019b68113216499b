import type { PrismaClient } from "@/server/db/generated/client";
import type { TTx } from "@/server/db/transaction";
import { inTransaction } from "@/server/db/transaction";

/**
 * Keeps a leader that lost its lease from writing after the next leader has read. A leader finds out it
 * lost the lease only at its next check; meanwhile its writes could land after the new leader read the
 * open alerts back, and raise an alert twice. So each of its write transactions first takes the fence
 * key shared and checks, in the same transaction, that its lease session still holds the lock; a new
 * leader takes the fence key exclusively before it reads, which waits for writes already under way.
 */
export type TLeaderFence = {
  /** First thing in a leader's write transaction: throws unless this instance still holds the lease. */
  guard(tx: TTx): Promise<void>;
  /** Whether this instance still holds the lease, as PostgreSQL sees it. */
  isHeld(): Promise<boolean>;
  /** A new leader, before it reads: waits until no earlier leader's write is in flight. */
  drain(): Promise<void>;
};

export class LeaseLostError extends Error {
  constructor() {
    super("this instance no longer holds the leader lease; the write is left to the new leader");
  }
}

/** `leaseSession`: the PostgreSQL backend pid of this instance's lease connection while it leads. */
export function createLeaderFence(prisma: PrismaClient, lockKey: string, leaseSession: () => number | undefined): TLeaderFence {
  const holds = async (tx: Pick<TTx, "$queryRaw">): Promise<boolean> => {
    const pid = leaseSession();
    if (pid === undefined) return false;
    // A bigint advisory key shows in pg_locks as its high (classid) and low (objid) halves.
    const rows = await tx.$queryRaw<{ held: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM pg_locks
         WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND pid = ${pid}
           AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(${lockKey}, 0)
      ) AS held`;
    return rows[0]?.held === true;
  };
  return {
    async guard(tx) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtextextended(${lockKey}, 1))`;
      if (!(await holds(tx))) throw new LeaseLostError();
    },
    isHeld: () => holds(prisma),
    async drain() {
      await inTransaction(prisma, (tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 1))`);
    },
  };
}
