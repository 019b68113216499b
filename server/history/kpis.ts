import { KPI_METRICS, type TKpiFigure, type TKpiGroup, type TKpiMetric, type TKpiQuery, type TKpiReport } from "@/lib/contracts/history";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import { invalid } from "@/server/errors";
import { inTransaction } from "@/server/incidents/transaction";
import { loadKpiTargets } from "./kpi-targets";
import { percentilesCont } from "./percentiles";

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

/** One cell of the range: incidents of one type, zone and hour of day, with each step's durations. */
type TCellRow = { type: string; zone: string; hour: number; incidents: number; resolved: number } & {
  [M in TKpiMetric]: Uint8Array | null;
};

type TCell = { type: string; zone: string; hour: string; incidents: number; resolved: number; durations: Record<TKpiMetric, Float64Array> };

/**
 * Response-time figures for incidents created in [from, to): counts, median and 90th percentile of
 * each step, and the share within the supervisor's target — overall, by type, by zone and by hour of
 * day in the city's time zone. One scan of the range, grouped into (type, zone, hour) cells whose
 * durations come back as packed float8 (the milestones are columns of `incidents`, kept by the timeline
 * trigger, so no join); the percentiles are then selected exactly, per breakdown, without sorting —
 * the same numbers percentile_cont gives, for a fraction of its sorts.
 */
export async function computeKpiReport(prisma: PrismaClient, query: TKpiQuery, options: TKpiOptions): Promise<TKpiReport> {
  const from = new Date(query.from);
  const to = new Date(query.to);
  checkRange(from, to);
  const targets = (await loadKpiTargets(prisma)).targets;

  const filters: Prisma.Sql[] = [];
  if (query.type?.length) filters.push(Prisma.sql`type IN (${Prisma.join(query.type)})`);
  if (query.zone) filters.push(Prisma.sql`zone = ${query.zone}`);

  // Long ranges are read as consecutive slices on separate connections, so PostgreSQL aggregates them on
  // several cores at once. A cell may then come back once per slice; the groups below add them up anyway.
  const slices = await Promise.all(sliceRange(from, to).map(([start, end]) => readCells(prisma, start, end, filters, options.timeZone)));
  const rows = slices.flat();
  const cells = rows.map(toCell);

  const groups = (keyOf: (cell: TCell) => string) => {
    const byKey = new Map<string, TCell[]>();
    for (const cell of cells) {
      const members = byKey.get(keyOf(cell));
      if (members) members.push(cell);
      else byKey.set(keyOf(cell), [cell]);
    }
    return [...byKey].map(([key, members]) => toGroup(key, members, targets)).sort((a, b) => b.incidents - a.incidents || a.key.localeCompare(b.key));
  };
  const byHour = new Map(groups((cell) => cell.hour).map((group) => [group.key, group]));
  const overall = toGroup("all", cells, targets);

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    incidents: overall.incidents,
    resolved: cells.reduce((sum, cell) => sum + cell.resolved, 0),
    overall: overall.figures,
    byType: groups((cell) => cell.type),
    byZone: groups((cell) => cell.zone),
    // Every hour of the day, empty ones too: a chart's x axis should not skip the quiet night hours.
    byHour: HOURS.map((key) => byHour.get(key) ?? { key, incidents: 0, figures: emptyFigures(targets) }),
  };
}

/** Ranges longer than this are read in slices at once. */
const SLICE_ABOVE_MS = 30 * DAY_MS;
/** Measured on 2 cores over a year of a 1M seed: 2 slices p95 613 ms, 3 → 657, 4 → 628, 6 → 728, 1 → 796. */
const SLICES = 2;

function sliceRange(from: Date, to: Date): [Date, Date][] {
  const span = to.getTime() - from.getTime();
  if (span <= SLICE_ABOVE_MS) return [[from, to]];
  const bounds = Array.from({ length: SLICES + 1 }, (_, i) => (i === SLICES ? to : new Date(from.getTime() + Math.floor((span * i) / SLICES))));
  return bounds.slice(1).map((end, i) => [bounds[i], end]);
}

/** The (type, zone, hour) cells of incidents created in [from, to), each step's durations packed as float8. */
function readCells(prisma: PrismaClient, from: Date, to: Date, filters: readonly Prisma.Sql[], timeZone: string): Promise<TCellRow[]> {
  const where = [Prisma.sql`created_at >= ${from}::timestamptz`, Prisma.sql`created_at < ${to}::timestamptz`, ...filters];
  return inTransaction(prisma, async (tx) => {
    // JIT compilation costs more than it saves on a query this size.
    await tx.$executeRaw`SET LOCAL jit = off`;
    return tx.$queryRaw<TCellRow[]>`
    SELECT type, zone,
      date_part('hour', created_at AT TIME ZONE ${timeZone}::text)::int AS hour,
      count(*)::int AS incidents,
      count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
      ${Prisma.join(KPI_METRICS.map((metric) => Prisma.sql`string_agg(float8send(${METRIC_SQL[metric]}), ''::bytea) AS ${Prisma.raw(`"${metric}"`)}`))}
    FROM incidents
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1, 2, 3`;
  });
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

function toCell(row: TCellRow): TCell {
  const durations = {} as Record<TKpiMetric, Float64Array>;
  for (const metric of KPI_METRICS) durations[metric] = unpackFloat8(row[metric]);
  return { type: row.type, zone: row.zone, hour: String(row.hour), incidents: row.incidents, resolved: row.resolved, durations };
}

/** float8send values back to back (network byte order). */
function unpackFloat8(packed: Uint8Array | null): Float64Array {
  if (!packed) return new Float64Array(0);
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const values = new Float64Array(packed.byteLength / 8);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat64(i * 8, false);
  return values;
}

function toGroup(key: string, members: readonly TCell[], targets: TTargets): TKpiGroup {
  const figures = KPI_METRICS.map((metric): TKpiFigure => {
    const values = new Float64Array(members.reduce((sum, cell) => sum + cell.durations[metric].length, 0));
    let offset = 0;
    for (const cell of members) {
      values.set(cell.durations[metric], offset);
      offset += cell.durations[metric].length;
    }
    const targetSeconds = targets[metric] ?? null;
    let within = 0;
    if (targetSeconds !== null) for (const value of values) if (value <= targetSeconds) within++;
    const [p50, p90] = percentilesCont(values, [0.5, 0.9]);
    return {
      metric,
      count: values.length,
      p50Seconds: p50,
      p90Seconds: p90,
      targetSeconds,
      withinTarget: targetSeconds === null || values.length === 0 ? null : within / values.length,
    };
  });
  return { key, incidents: members.reduce((sum, cell) => sum + cell.incidents, 0), figures };
}

function emptyFigures(targets: TTargets): TKpiFigure[] {
  return KPI_METRICS.map((metric) => ({ metric, count: 0, p50Seconds: null, p90Seconds: null, targetSeconds: targets[metric] ?? null, withinTarget: null }));
}
