import { KPI_METRICS, type TKpiFigure, type TKpiGroup, type TKpiMetric, type TKpiQuery, type TKpiReport } from "@/lib/contracts/history";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import { invalid } from "@/server/errors";
import { inTransaction } from "@/server/incidents/transaction";
import { loadKpiTargets } from "./kpi-targets";

export type TKpiOptions = {
  /** IANA zone the hour-of-day breakdown is read in (the city's clock, not the server's). */
  timeZone: string;
};

const DAY_MS = 86_400_000;
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour));

/** Seconds from one milestone to the next, per metric (null when the incident never got there). */
// date_part (float8), not extract (numeric): numeric arithmetic on every row costs more than the scan.
const METRIC_SQL: Record<TKpiMetric, Prisma.Sql> = {
  mtta: Prisma.sql`date_part('epoch', acknowledged_at - created_at)`,
  timeToDispatch: Prisma.sql`date_part('epoch', first_dispatched_at - created_at)`,
  timeToArrive: Prisma.sql`date_part('epoch', first_on_scene_at - first_dispatched_at)`,
  mttr: Prisma.sql`date_part('epoch', resolved_at - created_at)`,
};

type TMetricColumns = { [M in TKpiMetric as `${M}_count`]: number } & { [M in TKpiMetric as `${M}_p`]: number[] | null } & {
  [M in TKpiMetric as `${M}_within`]: number;
};

type TKpiRow = TMetricColumns & {
  grouping: "all" | "type" | "zone" | "hour";
  key: string | null;
  incidents: number;
  resolved: number;
};

/**
 * Response-time figures for incidents created in [from, to): counts, median and 90th percentile of
 * each step, and the share within the supervisor's target — overall, by type, by zone and by hour of
 * day in the city's time zone. One scan of the range: every breakdown is a grouping set of the same
 * statement, and the milestones are columns of `incidents` (kept by the timeline trigger), so no join.
 */
export async function computeKpiReport(prisma: PrismaClient, query: TKpiQuery, options: TKpiOptions): Promise<TKpiReport> {
  const from = new Date(query.from);
  const to = new Date(query.to);
  checkRange(from, to);
  const targets = (await loadKpiTargets(prisma)).targets;

  const where = [Prisma.sql`created_at >= ${from}::timestamptz`, Prisma.sql`created_at < ${to}::timestamptz`];
  if (query.type?.length) where.push(Prisma.sql`type IN (${Prisma.join(query.type)})`);
  if (query.zone) where.push(Prisma.sql`zone = ${query.zone}`);

  const metricAggregates = KPI_METRICS.map((metric) => {
    const target = targets[metric] ?? null;
    // Without a target the "within" count is meaningless; 0 keeps the column's type simple.
    const within = target === null ? Prisma.sql`0` : Prisma.sql`count(*) FILTER (WHERE ${Prisma.raw(metric)} <= ${target}::float8)`;
    return Prisma.sql`
      count(${Prisma.raw(metric)})::int AS ${Prisma.raw(`"${metric}_count"`)},
      percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${Prisma.raw(metric)}) AS ${Prisma.raw(`"${metric}_p"`)},
      (${within})::int AS ${Prisma.raw(`"${metric}_within"`)}`;
  });

  // The grouping sets sort the range three times and every percentile sorts its group: give the sorts
  // memory instead of temp files, and skip JIT compilation (it costs more than it saves here).
  const rows = await inTransaction(prisma, async (tx) => {
    await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
    await tx.$executeRaw`SET LOCAL jit = off`;
    return tx.$queryRaw<TKpiRow[]>`
    WITH base AS (
      -- Byte order is enough to group by; the database's linguistic collation only slows the sorts down.
      SELECT type COLLATE "C" AS type, zone COLLATE "C" AS zone,
        date_part('hour', created_at AT TIME ZONE ${options.timeZone}::text)::int AS hour,
        resolved_at IS NOT NULL AS is_resolved,
        ${Prisma.join(KPI_METRICS.map((metric) => Prisma.sql`${METRIC_SQL[metric]} AS ${Prisma.raw(metric)}`))}
      FROM incidents
      WHERE ${Prisma.join(where, " AND ")}
    )
    SELECT
      CASE WHEN grouping(type) = 0 THEN 'type' WHEN grouping(zone) = 0 THEN 'zone' WHEN grouping(hour) = 0 THEN 'hour' ELSE 'all' END AS grouping,
      coalesce(type, zone, hour::text) AS key,
      count(*)::int AS incidents,
      count(*) FILTER (WHERE is_resolved)::int AS resolved,
      ${Prisma.join(metricAggregates)}
    FROM base
    GROUP BY GROUPING SETS ((), (type), (zone), (hour))`;
  });

  const overall = rows.find((row) => row.grouping === "all");
  const groups = (grouping: TKpiRow["grouping"]) =>
    rows
      .filter((row) => row.grouping === grouping)
      .map((row) => toGroup(row, targets))
      .sort((a, b) => b.incidents - a.incidents || a.key.localeCompare(b.key));
  const byHour = new Map(groups("hour").map((group) => [group.key, group]));

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    incidents: overall?.incidents ?? 0,
    resolved: overall?.resolved ?? 0,
    overall: overall ? toFigures(overall, targets) : emptyFigures(targets),
    byType: groups("type"),
    byZone: groups("zone"),
    // Every hour of the day, empty ones too: a chart's x axis should not skip the quiet night hours.
    byHour: HOURS.map((key) => byHour.get(key) ?? { key, incidents: 0, figures: emptyFigures(targets) }),
  };
}

/** The longest range a report may cover: three years and a day (a seeded history spans three years). */
export function maxKpiRangeEnd(from: Date): Date {
  const end = new Date(from);
  end.setUTCFullYear(end.getUTCFullYear() + 3);
  return new Date(end.getTime() + DAY_MS);
}

function checkRange(from: Date, to: Date): void {
  if (to <= from) throw invalid("Invalid request query", { to: ["must be after from"] });
  if (to > maxKpiRangeEnd(from)) throw invalid("Invalid request query", { to: ["the range may span at most three years"] });
}

type TTargets = Partial<Record<TKpiMetric, number | null>>;

function toGroup(row: TKpiRow, targets: TTargets): TKpiGroup {
  return { key: row.key ?? "", incidents: row.incidents, figures: toFigures(row, targets) };
}

function toFigures(row: TKpiRow, targets: TTargets): TKpiFigure[] {
  return KPI_METRICS.map((metric) => {
    const count = row[`${metric}_count`];
    const [p50, p90] = row[`${metric}_p`] ?? [null, null];
    const targetSeconds = targets[metric] ?? null;
    return {
      metric,
      count,
      p50Seconds: p50 ?? null,
      p90Seconds: p90 ?? null,
      targetSeconds,
      withinTarget: targetSeconds === null || count === 0 ? null : row[`${metric}_within`] / count,
    };
  });
}

function emptyFigures(targets: TTargets): TKpiFigure[] {
  return KPI_METRICS.map((metric) => ({ metric, count: 0, p50Seconds: null, p90Seconds: null, targetSeconds: targets[metric] ?? null, withinTarget: null }));
}
