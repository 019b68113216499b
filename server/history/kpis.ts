import { KPI_METRICS, type TKpiFigure, type TKpiGroup, type TKpiMetric, type TKpiQuery, type TKpiReport } from "@/lib/contracts/history";
import type { PrismaClient } from "@/server/db/generated/client";
import { invalid } from "@/server/errors";
import { matchesFilter, type TKpiCell, type TKpiCells } from "./kpi-cells";
import { readRangeCells } from "./kpi-range-cache";
import { loadKpiTargets } from "./kpi-targets";
import { percentilesCont } from "./percentiles";

type TKpiOptions = {
  /** IANA zone the hour-of-day breakdown is read in (the city's clock, not the server's). */
  timeZone: string;
  /** Which days and months are finished (and so cacheable); tests pass their own clock. */
  now?: Date;
};

const DAY_MS = 86_400_000;
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour));

/**
 * Response-time figures for incidents created in [from, to): counts, median and 90th percentile of
 * each step, and the share within the supervisor's target — overall, by type, by zone and by hour of
 * day in the city's time zone. The range arrives as (type, zone, hour) cells holding every duration
 * (finished days and months from this process's memory, the rest read from PostgreSQL); the
 * percentiles are then selected exactly, per breakdown, without sorting — the numbers percentile_cont gives.
 */
export async function computeKpiReport(prisma: PrismaClient, query: TKpiQuery, options: TKpiOptions): Promise<TKpiReport> {
  const from = new Date(query.from);
  const to = new Date(query.to);
  checkRange(from, to);
  const filter = { types: query.type, zone: query.zone };
  const [targets, blocks] = await Promise.all([
    loadKpiTargets(prisma).then((loaded) => loaded.targets),
    readRangeCells(prisma, { from, to, now: options.now ?? new Date() }, filter, options.timeZone),
  ]);
  const grouped = (keyOf: (cell: TKpiCell) => string) =>
    groupFigures(blocks, (cell) => (matchesFilter(cell, filter) ? keyOf(cell) : null), targets);

  const [overall] = grouped(() => "all");
  const byHour = new Map(grouped((cell) => cell.hour).map((group) => [group.key, group]));
  let resolved = 0;
  for (const block of blocks) for (const cell of block.cells) if (matchesFilter(cell, filter)) resolved += cell.resolved;

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    incidents: overall?.incidents ?? 0,
    resolved,
    overall: overall?.figures ?? emptyFigures(targets),
    byType: grouped((cell) => cell.type),
    byZone: grouped((cell) => cell.zone),
    // Every hour of the day, empty ones too: a chart's x axis should not skip the quiet night hours.
    byHour: HOURS.map((key) => byHour.get(key) ?? { key, incidents: 0, figures: emptyFigures(targets) }),
  };
}

/** The longest range a report may cover: three years and a day (a seeded history spans three years). */
function maxKpiRangeEnd(from: Date): Date {
  const end = new Date(from);
  end.setUTCFullYear(end.getUTCFullYear() + 3);
  return new Date(end.getTime() + DAY_MS);
}

function checkRange(from: Date, to: Date): void {
  if (to <= from) throw invalid("Invalid request query", { to: ["must be after from"] });
  if (to > maxKpiRangeEnd(from)) throw invalid("Invalid request query", { to: ["the range may span at most three years"] });
}

type TTargets = Partial<Record<TKpiMetric, number | null>>;

/**
 * The figures of each group of cells (keyOf → null leaves a cell out), busiest first. Per step: the cells'
 * counts size each group, one pass copies the durations into place, then the percentiles are selected.
 */
function groupFigures(blocks: readonly TKpiCells[], keyOf: (cell: TKpiCell) => string | null, targets: TTargets): TKpiGroup[] {
  const keys: string[] = [];
  const incidents: number[] = [];
  const indexOfKey = new Map<string, number>();
  // Per block, the group of each of its cells (−1: left out).
  const groupOfCell = blocks.map((block) =>
    Int32Array.from(block.cells, (cell) => {
      const key = keyOf(cell);
      if (key === null) return -1;
      let group = indexOfKey.get(key);
      if (group === undefined) {
        group = keys.push(key) - 1;
        indexOfKey.set(key, group);
        incidents.push(0);
      }
      incidents[group] += cell.incidents;
      return group;
    }),
  );

  const figures = keys.map((): TKpiFigure[] => []);
  for (const metric of KPI_METRICS) {
    // Each group's durations go to its own stretch of one scratch array (a report runs sixteen of these).
    const sizes = new Uint32Array(keys.length);
    blocks.forEach((block, b) => {
      const groups = groupOfCell[b];
      const { start } = block.durations[metric];
      for (let cell = 0; cell < groups.length; cell++) if (groups[cell] >= 0) sizes[groups[cell]] += start[cell + 1] - start[cell];
    });
    const bases = new Uint32Array(keys.length);
    for (let group = 1; group < keys.length; group++) bases[group] = bases[group - 1] + sizes[group - 1];
    const scratch = new Float64Array(keys.length ? bases[keys.length - 1] + sizes[keys.length - 1] : 0);
    const next = bases.slice();
    const within = new Uint32Array(keys.length);
    const targetSeconds = targets[metric] ?? null;
    const limit = targetSeconds ?? -Infinity;
    blocks.forEach((block, b) => copyDurations(block.durations[metric], groupOfCell[b], scratch, next, within, limit));
    keys.forEach((_, group) => {
      const count = sizes[group];
      const [p50, p90] = percentilesCont(scratch.subarray(bases[group], bases[group] + count), [0.5, 0.9]);
      figures[group].push({
        metric,
        count,
        p50Seconds: p50,
        p90Seconds: p90,
        targetSeconds,
        withinTarget: targetSeconds === null || count === 0 ? null : within[group] / count,
      });
    });
  }
  return keys
    .map((key, group) => ({ key, incidents: incidents[group], figures: figures[group] }))
    .sort((a, b) => b.incidents - a.incidents || a.key.localeCompare(b.key));
}

/** Appends each kept cell's durations to its group's stretch of scratch, counting those within the limit. */
function copyDurations(
  { values, start }: { values: Float64Array; start: Uint32Array },
  groupOfCell: Int32Array,
  scratch: Float64Array,
  next: Uint32Array,
  within: Uint32Array,
  limit: number,
): void {
  for (let cell = 0; cell < groupOfCell.length; cell++) {
    const group = groupOfCell[cell];
    if (group < 0) continue;
    let at = next[group];
    let under = 0;
    const end = start[cell + 1];
    for (let i = start[cell]; i < end; i++) {
      const value = values[i];
      scratch[at++] = value;
      if (value <= limit) under++;
    }
    next[group] = at;
    within[group] += under;
  }
}

function emptyFigures(targets: TTargets): TKpiFigure[] {
  return KPI_METRICS.map((metric) => ({
    metric,
    count: 0,
    p50Seconds: null,
    p90Seconds: null,
    targetSeconds: targets[metric] ?? null,
    withinTarget: null,
  }));
}
