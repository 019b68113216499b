/**
 * Exact percentiles the way PostgreSQL's percentile_cont computes them (linear interpolation between the
 * order statistics around p·(n−1)), by selection instead of sorting: O(n) per percentile.
 * The array is reordered in place.
 */
export function percentilesCont(values: Float64Array, ps: readonly number[]): (number | null)[] {
  if (values.length === 0) return ps.map(() => null);
  if (values.length >= SAMPLED_ABOVE) {
    const sampled = ps.map((p) => percentileInSampledWindow(values, p));
    if (sampled.every((value) => value !== null)) return sampled;
  }
  return percentilesBySelection(values, ps);
}

/** Below this, plain selection is as quick as sampling first. */
const SAMPLED_ABOVE = 20_000;

/**
 * Floyd–Rivest's idea: a sorted sample says between which two values the wanted order statistics lie, one
 * pass counts what lies below that window and copies what lies in it, and only the window (a few percent)
 * is selected in. The sample only decides speed: when the order statistics fall outside the window (rare:
 * the window is ±4 standard deviations of the sample's rank), null sends the caller to plain selection.
 */
function percentileInSampledWindow(values: Float64Array, p: number): number | null {
  const n = values.length;
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const size = Math.round(n ** (2 / 3));
  const sample = new Float64Array(size);
  // A fixed stride through a fixed permutation of positions: deterministic, and blind to how values are ordered.
  for (let i = 0, at = 0; i < size; i++, at = (at + 2_654_435_761) % n) sample[i] = values[at];
  sample.sort();
  const margin = 4 * Math.sqrt(size);
  const below = p * (size - 1) - margin;
  const above = p * (size - 1) + margin;
  const low = below < 0 ? -Infinity : sample[Math.floor(below)];
  const high = above > size - 1 ? Infinity : sample[Math.ceil(above)];
  const window = new Float64Array(Math.ceil(((4 * margin) / size) * n) + 16);
  let under = 0;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value < low) under++;
    else if (value <= high) {
      if (inside === window.length) return null;
      window[inside++] = value;
    }
  }
  const needed = rank === lo ? lo : lo + 1;
  if (under > lo || under + inside <= needed) return null;
  return interpolateAt(window.subarray(0, inside), lo - under, rank - lo);
}

/** The k-th smallest of values, interpolated by `fraction` towards the (k+1)-th. */
function interpolateAt(values: Float64Array, k: number, fraction: number): number {
  select(values, k, 0, values.length - 1);
  const low = values[k];
  if (fraction === 0) return low;
  let high = Infinity;
  for (let j = k + 1; j < values.length; j++) if (values[j] < high) high = values[j];
  return low + fraction * (high - low);
}

function percentilesBySelection(values: Float64Array, ps: readonly number[]): (number | null)[] {
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
    const a = values[left],
      b = values[mid],
      c = values[right];
    const pivot = a < b ? (b < c ? b : Math.max(a, c)) : a < c ? a : Math.max(b, c);
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
