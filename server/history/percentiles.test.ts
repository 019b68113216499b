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
      expect(percentilesCont(Float64Array.from(values), [0.9, 0.5, 0.99])).toEqual([
        bySorting(values, 0.9),
        bySorting(values, 0.5),
        bySorting(values, 0.99),
      ]);
    }
  });
});

describe("exact percentiles of large arrays (sampled window first)", () => {
  it("matches sorting on large random, tied, sorted, reversed, skewed and constant arrays", () => {
    const random = createRandom(11);
    const n = 50_001;
    const cases: Record<string, number[]> = {
      uniform: Array.from({ length: n }, () => random.range(0, 3600)),
      ties: Array.from({ length: n }, () => Math.round(random.range(0, 30)) * 60),
      ascending: Array.from({ length: n }, (_, i) => i * 1.5),
      descending: Array.from({ length: n }, (_, i) => n - i),
      // Long tail, like time to resolve: most quick, a few taking days.
      skewed: Array.from({ length: n }, () => Math.exp(random.range(0, 12))),
      constant: new Array(n).fill(300),
      mostlyOneValue: Array.from({ length: n }, (_, i) => (i % 50 === 0 ? random.range(0, 10_000) : 120)),
    };
    for (const [name, values] of Object.entries(cases)) {
      const ps = [0.5, 0.9, 0, 1, 0.999];
      expect(percentilesCont(Float64Array.from(values), ps), name).toEqual(ps.map((p) => bySorting(values, p)));
    }
  });
});
