import { LRUCache } from "lru-cache";
import type { PrismaClient } from "@/server/db/generated/client";
import { readKpiCells, type TKpiCellFilter, type TKpiCells, type TRangePiece } from "./kpi-cells";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A UTC day is cached once it ended this long ago. The version trigger skips today's incidents (see the
 * kpi_day_versions migration); by now every transaction that wrote to that day back then has committed.
 */
const CACHE_AFTER_DAY_END_MS = HOUR_MS;
/** Three years of months plus the days around them, several times over (a year of the 1M seed is ~10 MB). */
const MAX_CACHED_PIECES = 512;
/** Reads run this many at once, on separate connections, so PostgreSQL works on both cores. */
const READ_LANES = 2;
/** Uncached stretches longer than this are read in slices, in the lanes above. */
const SLICE_ABOVE_MS = 30 * DAY_MS;

/**
 * Cuts [from, to) into whole finished months where it can, the finished days around them (one piece per
 * month: a year's range starts and ends in the middle of one), and the unfinished or partial days, live.
 * A "last 365 days" range shifts its day pieces daily, so each is read once a day; the months stay.
 */
export function planRange(from: Date, to: Date, now: Date): TRangePiece[] {
  const cacheableUntil = Math.min(to.getTime(), now.getTime() - CACHE_AFTER_DAY_END_MS);
  const firstDay = startOfUtcDayAtOrAfter(from);
  if (nextDay(firstDay).getTime() > cacheableUntil) return live(from, to);
  const pieces: TRangePiece[] = from < firstDay ? live(from, firstDay) : [];
  let cursor = firstDay;
  while (nextDay(cursor).getTime() <= cacheableUntil) {
    const month = nextMonth(startOfUtcMonth(cursor));
    if (cursor.getUTCDate() === 1 && month.getTime() <= cacheableUntil) {
      pieces.push({ from: cursor, to: month, cached: "month" });
      cursor = month;
      continue;
    }
    // The finished days up to the month's end or the last finished day, as one piece.
    let end = nextDay(cursor);
    while (end < month && nextDay(end).getTime() <= cacheableUntil) end = nextDay(end);
    pieces.push({ from: cursor, to: end, cached: "days" });
    cursor = end;
  }
  if (cursor < to) pieces.push(...live(cursor, to));
  return pieces;
}

/**
 * The (type, zone, hour) cells of incidents created in [from, to): finished months and days from this
 * process's cache while their versions in kpi_day_versions are unchanged, the rest read from PostgreSQL.
 * One block of cells per piece; a cell may come back once per piece, and the report's groups add them up.
 * Cached pieces hold every type and zone: the caller applies the filter to every block.
 */
export async function readRangeCells(
  prisma: PrismaClient,
  range: { from: Date; to: Date; now: Date },
  filter: TKpiCellFilter,
  timeZone: string,
): Promise<TKpiCells[]> {
  const pieces = planRange(range.from, range.to, range.now);
  const versionOf = await readVersions(
    prisma,
    pieces.filter((piece) => piece.cached),
  );
  const cache = cacheOf(prisma);
  // The end too: tomorrow this month's days piece starts at the same day and is one day longer.
  const keyOf = (piece: TRangePiece) => `${timeZone}|${piece.from.toISOString()}|${piece.to.toISOString()}|${versionOf(piece)}`;

  const blocks = new Map<TRangePiece, TKpiCells>();
  for (const piece of pieces) {
    const cached = piece.cached ? cache.get(keyOf(piece)) : undefined;
    if (cached) blocks.set(piece, cached);
  }
  const reads = splitForLanes(runsToRead(pieces.filter((piece) => !blocks.has(piece))));
  await runInLanes(
    reads.map((run) => async () => {
      const cacheable = run[0].cached !== null;
      // Pieces to keep hold every type and zone, so any later filter is served from them.
      const read = await readKpiCells(prisma, run, cacheable ? {} : filter, timeZone);
      run.forEach((piece, i) => {
        blocks.set(piece, read[i]);
        if (cacheable) cache.set(keyOf(piece), read[i]);
      });
    }),
    READ_LANES,
  );
  return pieces.map((piece) => blocks.get(piece)!);
}

/** Consecutive cacheable pieces are read in one query (one stretch each); a live piece is read alone. */
function runsToRead(pieces: readonly TRangePiece[]): TRangePiece[][] {
  const runs: TRangePiece[][] = [];
  for (const piece of pieces) {
    const last = runs[runs.length - 1]?.at(-1);
    if (last && piece.cached && last.cached && last.to.getTime() === piece.from.getTime()) runs[runs.length - 1].push(piece);
    else runs.push([piece]);
  }
  return runs;
}

/** Cuts runs over a month long into one part per lane (a cold year is read on both cores at once). */
function splitForLanes(runs: TRangePiece[][]): TRangePiece[][] {
  return runs.flatMap((run) => {
    const from = run[0].from.getTime();
    const span = run[run.length - 1].to.getTime() - from;
    if (run.length === 1 || span <= SLICE_ABOVE_MS) return [run];
    const parts = Array.from({ length: READ_LANES }, (): TRangePiece[] => []);
    for (const piece of run) parts[Math.min(READ_LANES - 1, Math.floor(((piece.from.getTime() - from) / span) * READ_LANES))].push(piece);
    return parts.filter((part) => part.length > 0);
  });
}

/** Drops this process's cached pieces (the bench measures the first report after a start). */
export function forgetCachedKpiCells(prisma: PrismaClient): void {
  caches.get(prisma)?.clear();
}

const caches = new WeakMap<PrismaClient, LRUCache<string, TKpiCells>>();

/** One cache per database (tests open several in one process). Keys carry the piece's version. */
function cacheOf(prisma: PrismaClient) {
  let cache = caches.get(prisma);
  if (!cache) {
    cache = new LRUCache<string, TKpiCells>({ max: MAX_CACHED_PIECES });
    caches.set(prisma, cache);
  }
  return cache;
}

/**
 * Each piece's version: its day's counter, or for a month the sum of its days' counters (each change adds
 * one to a day, so the sum moves too). Read before the cells: a change committed in between bumps the
 * version again, so the next report re-reads that piece.
 */
async function readVersions(prisma: PrismaClient, pieces: readonly TRangePiece[]): Promise<(piece: TRangePiece) => number> {
  if (pieces.length === 0) return () => 0;
  const rows = await prisma.$queryRaw<{ day: string; version: number }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, version::float8 AS version FROM kpi_day_versions
    WHERE day >= ${isoDay(pieces[0].from)}::date AND day < ${isoDay(pieces[pieces.length - 1].to)}::date`;
  return (piece) => {
    const from = isoDay(piece.from);
    const to = isoDay(piece.to);
    return rows.reduce((sum, row) => (row.day >= from && row.day < to ? sum + row.version : sum), 0);
  };
}

/** Runs the reads at most `lanes` at a time (a dozen months must not take a dozen connections). */
async function runInLanes(reads: (() => Promise<void>)[], lanes: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < reads.length) await reads[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(lanes, reads.length) }, lane));
}

function live(from: Date, to: Date): TRangePiece[] {
  const span = to.getTime() - from.getTime();
  if (span <= SLICE_ABOVE_MS) return [{ from, to, cached: null }];
  const bounds = Array.from({ length: READ_LANES + 1 }, (_, i) =>
    i === READ_LANES ? to : new Date(from.getTime() + Math.floor((span * i) / READ_LANES)),
  );
  return bounds.slice(1).map((end, i) => ({ from: bounds[i], to: end, cached: null }));
}

function startOfUtcDayAtOrAfter(instant: Date): Date {
  const start = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  return start < instant ? nextDay(start) : start;
}

const nextDay = (day: Date) => new Date(day.getTime() + DAY_MS);
const startOfUtcMonth = (day: Date) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
const nextMonth = (month: Date) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/**
 * Reads the last year into the cache (every type and zone), so a supervisor's first look at the figures
 * after a restart is as quick as the next one. Runs in the background at start.
 */
export async function warmKpiCells(prisma: PrismaClient, timeZone: string, now = new Date()): Promise<void> {
  const from = new Date(now.getTime() - 366 * DAY_MS);
  await readRangeCells(prisma, { from, to: now, now }, {}, timeZone);
}
