import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addSample, deadLetterTrend, type TDeadLetterSample } from "./dead-letter-trend";

/** One sample a second: `eventsPerSecond` valid events and `deadPerMinute` dead letters, for `seconds`. */
function run(samples: TDeadLetterSample[], seconds: number, eventsPerSecond: number, deadPerMinute: number): TDeadLetterSample[] {
  let current = samples;
  for (let i = 0; i < seconds; i++) {
    const last = current.at(-1) ?? { atMs: 0, deadLettered: 0, totalEvents: 0 };
    current = addSample(current, {
      atMs: last.atMs + 1000,
      deadLettered: last.deadLettered + deadPerMinute / 60,
      totalEvents: last.totalEvents + eventsPerSecond,
    });
  }
  return current;
}

describe("dead-letter trend", () => {
  it("a steady trickle (the simulator's 0.2 % malformed messages) is a rate, steady, and not alarming", () => {
    const trend = deadLetterTrend(run([], 600, 100, 12))!;
    expect(trend.perMinute).toBeCloseTo(12, 5);
    expect(trend.share).toBeCloseTo(12 / (6000 + 12), 5);
    expect(trend).toMatchObject({ trend: "steady", isUnusual: false });
  });

  it("a burst well above the usual rate is rising and unusual; it settles back once the burst ends", () => {
    const calm = run([], 600, 100, 12);
    expect(deadLetterTrend(run(calm, 60, 100, 120))).toMatchObject({ trend: "rising", isUnusual: true });
    expect(deadLetterTrend(run(run(calm, 60, 100, 120), 900, 100, 12))).toMatchObject({ trend: "steady", isUnusual: false });
  });

  it("without a usual rate yet, judges by the share of messages failing", () => {
    expect(deadLetterTrend(run([], 30, 100, 12))).toMatchObject({ isUnusual: false });
    expect(deadLetterTrend(run([], 30, 10, 120))).toMatchObject({ isUnusual: true });
  });

  it("starts afresh when the server's counters restart, and keeps only the last quarter hour", () => {
    const before = run([], 1200, 100, 12);
    expect(before[0]!.atMs).toBeGreaterThanOrEqual(before.at(-1)!.atMs - 15 * 60_000);
    expect(addSample(before, { atMs: before.at(-1)!.atMs + 1000, deadLettered: 0, totalEvents: 5 })).toHaveLength(1);
  });

  it("never reports a negative or non-finite rate, whatever the counters do (property)", () => {
    const step = fc.record({
      dtMs: fc.integer({ min: 0, max: 5000 }),
      dead: fc.integer({ min: -3, max: 50 }),
      events: fc.integer({ min: -3, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        let samples: TDeadLetterSample[] = [];
        let sample = { atMs: 0, deadLettered: 0, totalEvents: 0 };
        for (const { dtMs, dead, events } of steps) {
          sample = {
            atMs: sample.atMs + dtMs,
            deadLettered: Math.max(0, sample.deadLettered + dead),
            totalEvents: Math.max(0, sample.totalEvents + events),
          };
          samples = addSample(samples, sample);
          const trend = deadLetterTrend(samples);
          if (trend && !(Number.isFinite(trend.perMinute) && trend.perMinute >= 0 && trend.share >= 0 && trend.share <= 1)) return false;
        }
        return true;
      }),
    );
  });
});
