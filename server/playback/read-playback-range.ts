import type { TPlaybackRange } from "@/lib/contracts/history";
import type { PrismaClient } from "@/server/db/generated/client";

/** The first and last recorded minutes (null when nothing is recorded yet). */
export async function readPlaybackRange(prisma: PrismaClient, retentionDays: number): Promise<TPlaybackRange> {
  const [row] = await prisma.$queryRaw<{ fromMs: number | null; toMs: number | null }[]>`
    SELECT (extract(epoch FROM min("minute")) * 1000)::float8 AS "fromMs",
           (extract(epoch FROM max("minute")) * 1000)::float8 AS "toMs"
    FROM "entity_history"`;
  const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(Number(ms)).toISOString());
  return { from: iso(row?.fromMs), to: iso(row?.toMs), retentionDays };
}
