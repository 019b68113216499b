import type { TDeadLetterCounts, TDeadLetterCountsQuery, TDeadLetterReasonKind } from "@/lib/contracts/dead-letters";
import { ZDeadLetterReasonKind } from "@/lib/contracts/dead-letters";
import type { PrismaClient } from "@/server/db/generated/client";

const HOUR_MS = 3_600_000;
/** The source filter offers at most this many topics (a flood of made-up MQTT topics must not fill it). */
const SOURCES_MAX = 50;

/** Letters received per hour and reason over the last `hours` (every hour listed, empty ones too), and their sources. */
export async function countDeadLettersByHour(
  prisma: PrismaClient,
  query: TDeadLetterCountsQuery,
  now: Date = new Date(),
): Promise<TDeadLetterCounts> {
  const end = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS;
  const from = new Date(end - query.hours * HOUR_MS);
  const [byHour, sources] = await Promise.all([
    prisma.$queryRaw<{ hour: Date; kind: string; n: number }[]>`
      SELECT date_trunc('hour', received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour, reason_kind AS kind, count(*)::int AS n
      FROM dead_letters WHERE received_at >= ${from}
      GROUP BY 1, 2`,
    prisma.$queryRaw<{ topic: string; n: number }[]>`
      SELECT source_topic AS topic, count(*)::int AS n FROM dead_letters WHERE received_at >= ${from}
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${SOURCES_MAX}`,
  ]);
  const hours = Array.from({ length: query.hours }, (_, i) => ({
    hour: new Date(from.getTime() + i * HOUR_MS).toISOString(),
    counts: {} as Partial<Record<TDeadLetterReasonKind, number>>,
  }));
  for (const row of byHour) {
    const slot = hours[Math.floor((new Date(row.hour).getTime() - from.getTime()) / HOUR_MS)];
    const kind = ZDeadLetterReasonKind.catch("other").parse(row.kind);
    if (slot) slot.counts[kind] = (slot.counts[kind] ?? 0) + Number(row.n);
  }
  return { hours, sources: sources.map((s) => ({ topic: s.topic, count: Number(s.n) })) };
}
