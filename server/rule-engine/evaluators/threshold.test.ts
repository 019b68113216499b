import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createEntityIndex } from "../entity-index";
import { msAt, parking, rule, traffic } from "@/test/fixtures/test-events";
import { createThresholdEvaluator } from "./threshold";

const index = createEntityIndex(TINY_CITY);
const LOT_FULL = rule({
  id: "lot.full",
  domain: "parking",
  kind: "threshold",
  params: { metric: "occupancy", openAbove: 0.95, clearBelow: 0.9 },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
});
const SLOW = rule({
  id: "slow",
  domain: "traffic",
  kind: "threshold",
  params: { metric: "speedShare", openBelow: 0.4, clearAbove: 0.55 },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
});

describe("threshold evaluator", () => {
  it("triggers at or above openAbove, clears below clearBelow and holds in between", () => {
    const evaluator = createThresholdEvaluator(index);
    const state = (free: number) => evaluator.onEvent(LOT_FULL, parking("parking-1", 0, free, 100), msAt(0))[0].state;
    expect([state(5), state(4), state(7), state(10), state(11)]).toEqual(["trigger", "trigger", "hold", "hold", "clear"]);
  });

  it("triggers below openBelow and ranks lower values as worse", () => {
    const evaluator = createThresholdEvaluator(index);
    const [slow] = evaluator.onEvent(SLOW, traffic("seg-ab", 0, 12), msAt(0));
    const [slower] = evaluator.onEvent(SLOW, traffic("seg-ab", 1, 6), msAt(1));
    expect(slow).toMatchObject({ state: "trigger", value: 0.24, detail: "Speed 12 km/h is 24 % of free flow (50 km/h)" });
    expect(slower.badness).toBeGreaterThan(slow.badness);
  });

  it("stays silent for a segment the city pack does not know", () => {
    expect(createThresholdEvaluator(index).onEvent(SLOW, traffic("seg-unknown", 0, 12), msAt(0))).toEqual([]);
  });
});
