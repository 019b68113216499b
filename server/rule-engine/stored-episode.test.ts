import { describe, expect, it } from "vitest";
import type { TRuleDefinition } from "@/lib/contracts/rules";
import { WASTE_STATUSES } from "@/lib/contracts/events";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { DEFAULT_RULES } from "./default-rules";
import { createEntityIndex } from "./entity-index";
import { createEvaluator } from "./evaluators";
import type { TReading } from "./evaluators/types";
import { storedBadness } from "./stored-episode";
import { energy, every, msAt, parking, rule, traffic, waste } from "@/test/fixtures/test-events";

/** Readings of every kind of rule over a spread of values, as the evaluators compute them. */
function readingsOf(r: TRuleDefinition): TReading[] {
  const evaluator = createEvaluator(r.kind, createEntityIndex(TINY_CITY));
  const events = every(0, 9, 1).flatMap((i) => [
    ...TINY_CITY.segments.map((s) => traffic(s.id, i, [5, 15, 22, 28, 35, 45, 55, 8, 18, 60][i])),
    parking("parking-1", i, [0, 2, 6, 10, 20, 40, 60, 90, 115, 120][i]),
    waste("bin-1", i, { status: WASTE_STATUSES[i % WASTE_STATUSES.length], fillingLevel: i / 9, temperature: 10 + i * 5 }),
    energy("feeder-1", i, { activePower: 2_400 + i * 80, voltage: 12_400 + i * 180, frequency: 59.7 + i * 0.07 }),
    energy("sub-1", i, { assetKind: "substation", capacity: 10_000, activePower: 9_000 + i * 150 }),
  ]);
  const readings = events.flatMap((e) => evaluator.onEvent(r, e, Date.parse(e.observedAt)));
  return [...readings, ...(evaluator.onTick?.(r, msAt(5_000)) ?? [])];
}

const BELOW = rule({
  id: "below",
  domain: "traffic",
  kind: "threshold",
  params: { metric: "speedShare", openBelow: 0.4, clearAbove: 0.55 },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
});

describe("storedBadness", () => {
  it.each([...DEFAULT_RULES, BELOW].filter((r) => r.kind !== "spike").map((r) => [r.id, r] as const))(
    "agrees with the evaluator of %s",
    (_id, r) => {
      const readings = readingsOf(r);
      expect(readings.length).toBeGreaterThan(0);
      for (const reading of readings) expect(storedBadness(r, reading.value), `${reading.value}`).toBeCloseTo(reading.badness, 9);
    },
  );

  it("does not pretend to know a spike's badness (the baseline is not stored)", () => {
    const spike = DEFAULT_RULES.find((r) => r.kind === "spike")!;
    expect(storedBadness(spike, 60)).toBe(-Infinity);
  });
});
