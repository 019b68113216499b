/**
 * Exact percentiles the way PostgreSQL's percentile_cont computes them (linear interpolation between the
 * order statistics around p·(n−1)), by selection instead of sorting: O(n) per percentile.
 * The array is reordered in place.
 */
export function percentilesCont(values: Float64Array, ps: readonly number[]): (number | null)[] {
  const n = values.length;
  if (n === 0) return ps.map(() => null);
  let left = 0;
  // Ascending p: each selection only needs the part right of the previous one.
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out: (number | null)[] = new Array(ps.length).fill(null);
  for (const { p, i } of order) {
    const rank = p * (n - 1);
    const lo = Math.floor(rank);
    select(values, lo, left, n - 1);
    left = lo;
    const low = values[lo];
    if (rank === lo) {
      out[i] = low;
      continue;
    }
    let high = Infinity;
    for (let j = lo + 1; j < n; j++) if (values[j] < high) high = values[j];
    out[i] = low + (rank - lo) * (high - low);
  }
  return out;
}

/** Hoare's quickselect: afterwards values[k] is the k-th smallest, smaller ones left of it, larger right. */
function select(values: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot keeps sorted or constant runs from going quadratic.
    const a = values[left], b = values[mid], c = values[right];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
