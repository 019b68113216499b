import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createRuleEngine } from "../rule-engine";
import { energy, feed, isoAt, msAt, parking, rule } from "@/test/fixtures/test-events";

const SILENT = rule({
  id: "parking.silent",
  domain: "parking",
  kind: "stale",
  params: { staleSeconds: 900 },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
});

describe("stale rule", () => {
  it("opens from tick once a sensor was silent for staleSeconds and clears on its next report", () => {
    const engine = createRuleEngine({ rules: [SILENT], entities: TINY_CITY });
    feed(engine, [parking("parking-1", 0, 40)]);
    expect(engine.tick(msAt(899))).toEqual([]);
    expect(engine.tick(msAt(903))).toMatchObject([
      {
        kind: "open",
        entityId: "parking-1",
        at: isoAt(900),
        value: 903,
        message: `No report since ${isoAt(0)} (limit 15 min)`,
        dedupKey: `parking.silent:parking-1:${isoAt(0)}`,
      },
    ]);
    expect(engine.tick(msAt(2000))).toEqual([]);
    expect(engine.evaluate(parking("parking-1", 2100, 40))).toMatchObject([
      { kind: "clear", at: isoAt(2100), message: "Cleared after 20 min: Reporting again" },
    ]);
  });

  it("is not cleared by a redelivered old report", () => {
    const engine = createRuleEngine({ rules: [SILENT], entities: TINY_CITY });
    feed(engine, [parking("parking-1", 0, 40)]);
    engine.tick(msAt(1000));
    expect(engine.evaluate(parking("parking-1", 0, 40))).toEqual([]);
    expect(engine.activeEpisodes()).toMatchObject([{ entityId: "parking-1", phase: "open" }]);
  });

  it("waits for sustainSeconds past the stale limit when asked to", () => {
    const engine = createRuleEngine({ rules: [{ ...SILENT, sustainSeconds: 60 }], entities: TINY_CITY });
    feed(engine, [parking("parking-1", 0, 40)]);
    expect(engine.tick(msAt(950))).toEqual([]);
    expect(engine.tick(msAt(961))).toMatchObject([{ kind: "open", at: isoAt(960) }]);
  });

  it("watches only the asset kind the rule names", () => {
    const substationSilent = rule({
      id: "sub.silent",
      domain: "energy",
      assetKind: "substation",
      kind: "stale",
      params: { staleSeconds: 300 },
      sustainSeconds: 0,
      clearSustainSeconds: 0,
    });
    const engine = createRuleEngine({ rules: [substationSilent], entities: TINY_CITY });
    feed(engine, [energy("feeder-1", 0, {}), energy("sub-1", 0, { assetKind: "substation", capacity: 10_000 })]);
    expect(engine.tick(msAt(400)).map((s) => s.entityId)).toEqual(["sub-1"]);
  });
});
