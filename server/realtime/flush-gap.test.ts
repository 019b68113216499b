import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLUSH_COST_FACTOR, nextFlushGapMs } from "./flush-gap";

describe("nextFlushGapMs", () => {
  it("waits the minimum after a cheap flush", () => {
    expect(nextFlushGapMs(0.3, { minMs: 20, maxMs: 100 })).toBe(20);
  });

  it("grows with the flush's cost, so flushing takes a bounded share of the event loop", () => {
    expect(nextFlushGapMs(4, { minMs: 20, maxMs: 100 })).toBe(4 * FLUSH_COST_FACTOR);
  });

  it("never exceeds the fixed window however long a flush took", () => {
    expect(nextFlushGapMs(500, { minMs: 20, maxMs: 100 })).toBe(100);
  });

  it("stays within [min(minMs, maxMs), maxMs] for any duration", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (d, a, b) => {
          const gap = nextFlushGapMs(d, { minMs: a, maxMs: b });
          return gap >= Math.min(a, b) && gap <= b;
        },
      ),
    );
  });
});
