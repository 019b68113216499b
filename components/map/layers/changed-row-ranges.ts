/** A half-open run of data rows [startRow, endRow), as deck.gl's attribute invalidation takes it. */
export type TRowRange = { startRow: number; endRow: number };

/**
 * deck.gl merges each invalidated range into a sorted list (O(ranges) per range) and writes each to the GPU buffer on
 * its own: a few dozen ranges are cheap, thousands are not. Past this many, neighbouring ranges are joined (the rows
 * between are recomputed too, to the same values).
 */
const MAX_RANGES = 32;
/** Past this share of the rows one full recomputation is as cheap as the ranges. */
const MAX_PARTIAL_SHARE = 0.5;

const rowIndexes = new WeakMap<readonly { id: string }[], Map<string, number>>();

/** Row of each entity id in a layer's data, built once per data array. */
export function rowIndexOf(rows: readonly { id: string }[]): Map<string, number> {
  let index = rowIndexes.get(rows);
  if (!index) {
    index = new Map(rows.map((row, i) => [row.id, i]));
    rowIndexes.set(rows, index);
  }
  return index;
}

/**
 * The rows to recompute for these changed entities (ids not in the data are ignored): at most MAX_RANGES sorted,
 * disjoint ranges covering every changed row, or null when recomputing every row is the better deal.
 */
export function changedRowRanges(changed: Iterable<string>, rowIndex: ReadonlyMap<string, number>, rowCount: number): TRowRange[] | null {
  const rows: number[] = [];
  for (const id of changed) {
    const row = rowIndex.get(id);
    if (row !== undefined) rows.push(row);
  }
  if (rows.length > rowCount * MAX_PARTIAL_SHARE) return null;
  rows.sort((a, b) => a - b);
  let ranges: TRowRange[] = [];
  for (const row of rows) {
    const last = ranges.at(-1);
    if (last && row <= last.endRow) last.endRow = Math.max(last.endRow, row + 1);
    else ranges.push({ startRow: row, endRow: row + 1 });
  }
  if (ranges.length > MAX_RANGES) ranges = joinClosest(ranges, MAX_RANGES);
  const covered = ranges.reduce((sum, r) => sum + r.endRow - r.startRow, 0);
  return covered > rowCount * MAX_PARTIAL_SHARE ? null : ranges;
}

/** Joins the ranges separated by the smallest gaps until at most `max` remain. */
function joinClosest(ranges: TRowRange[], max: number): TRowRange[] {
  const gaps = ranges.slice(1).map((r, i) => r.startRow - ranges[i]!.endRow);
  const threshold = [...gaps].sort((a, b) => a - b)[gaps.length - max]!;
  const joined: TRowRange[] = [{ ...ranges[0]! }];
  ranges.slice(1).forEach((range, i) => {
    if (gaps[i]! <= threshold) joined.at(-1)!.endRow = range.endRow;
    else joined.push({ ...range });
  });
  return joined;
}
