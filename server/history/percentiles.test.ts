import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/seeded-random";
import { percentilesCont } from "./percentiles";

/** percentile_cont by the book: sort, then interpolate between the neighbours of p·(n−1). */
function bySorting(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  return rank === lo ? sorted[lo] : sorted[lo] + (rank - lo) * (sorted[lo + 1] - sorted[lo]);
}

describe("exact percentiles by selection", () => {
  it("matches sorting on random data with many ties, for every size from 0 to 60", () => {
    const random = createRandom(7);
    for (let n = 0; n <= 60; n++) {
      const values = Array.from({ length: n }, () => Math.round(random.range(0, 20)) * 15.5);
      const got = percentilesCont(Float64Array.from(values), [0.5, 0.9]);
      expect(got, `n=${n}`).toEqual([bySorting(values, 0.5), bySorting(values, 0.9)]);
    }
  });

  it("handles sorted, reversed and constant runs, and any order of the requested percentiles", () => {
    const ascending = Array.from({ length: 1001 }, (_, i) => i);
    for (const values of [ascending, [...ascending].reverse(), new Array(500).fill(42)]) {
      expect(percentilesCont(Float64Array.from(values), [0.9, 0.5, 0.99])).toEqual([bySorting(values, 0.9), bySorting(values, 0.5), bySorting(values, 0.99)]);
    }
  });
});
