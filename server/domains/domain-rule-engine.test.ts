import { describe, expect, it } from "vitest";
import { declaredDomainsOn } from "@/test/fixtures/declared-domains";
import { createDomainRuleEngine } from "./domain-rule-engine";

const at = (iso: string, plusS = 0) => new Date(Date.parse(iso) + plusS * 1000).toISOString();

describe("declared rule templates", async () => {
  const domains = await declaredDomainsOn();
  const meter = domains.byId.get("water-network")!.entities[0]!.id;
  const lamp = domains.byId.get("street-lighting")!.entities[0]!.id;
  const water = (observedAt: string, pressure: number) => ({
    id: observedAt,
    entityId: meter,
    observedAt,
    type: "WaterObserved",
    pressure,
    flow: 50,
  });

  it("threshold below: opens after the sustain, holds in the hysteresis band, clears above the clear value after its sustain", () => {
    const engine = createDomainRuleEngine(domains);
    const t0 = "2026-12-02T16:00:00Z";
    const kinds = (observedAt: string, pressure: number) =>
      engine.evaluate("water-network", water(observedAt, pressure)).map((s) => `${s.ruleId}:${s.kind}`);
    expect(kinds(at(t0), 1.5)).toEqual([]);
    expect(kinds(at(t0, 60), 1.6)).toEqual([]);
    expect(kinds(at(t0, 120), 1.7)).toEqual(["water-network.pressure-drop:open"]);
    expect(kinds(at(t0, 180), 2.2)).toEqual([]); // between 2 and 2.5: neither
    expect(kinds(at(t0, 240), 3)).toEqual([]); // clear starts, 300 s to go
    expect(kinds(at(t0, 200), 1)).toEqual([]); // older than the last: ignored
    expect(engine.tick(Date.parse(at(t0, 540)))).toMatchObject([{ kind: "clear", ruleId: "water-network.pressure-drop" }]);
  });

  it("stale: a sensor silent past the limit opens once, and reporting again clears it", () => {
    const engine = createDomainRuleEngine(domains);
    const t0 = "2026-12-02T16:00:00Z";
    engine.evaluate("water-network", water(at(t0), 3.5));
    expect(engine.tick(Date.parse(at(t0, 899)))).toEqual([]);
    expect(engine.tick(Date.parse(at(t0, 901))).map((s) => [s.ruleId, s.kind])).toEqual([["water-network.meter-silent", "open"]]);
    expect(engine.tick(Date.parse(at(t0, 1500)))).toEqual([]);
    const back = engine.evaluate("water-network", water(at(t0, 1600), 3.5));
    expect(back.map((s) => [s.ruleId, s.kind])).toEqual([["water-network.meter-silent", "clear"]]);
  });

  it("status at night only: the same fault opens at midnight and clears at sunrise", () => {
    const engine = createDomainRuleEngine(domains);
    const light = (observedAt: string, powerState: string) =>
      engine
        .evaluate("street-lighting", {
          id: observedAt,
          entityId: lamp,
          observedAt,
          type: "Streetlight",
          powerState,
          powerConsumption: 0,
          dimmingLevel: 0,
        })
        .filter((s) => s.ruleId === "street-lighting.dark-street")
        .map((s) => s.kind);
    // Michigan, December: 05:00 UTC is midnight; the sun is up by 13:30 UTC.
    expect(light("2026-12-03T05:00:00Z", "off")).toEqual([]);
    expect(light("2026-12-03T05:05:00Z", "off")).toEqual(["open"]);
    expect(light("2026-12-03T13:30:00Z", "off")).toEqual([]);
    expect(engine.tick(Date.parse("2026-12-03T13:31:00Z")).map((s) => s.kind)).toContain("clear");
  });
});

describe("declared alerts across a restart", async () => {
  const domains = await declaredDomainsOn();
  const meter = domains.byId.get("water-network")!.entities[0]!.id;

  it("carries on an open alert from its row, and retires rows of rules no definition has any more", () => {
    const engine = createDomainRuleEngine(domains);
    const row = {
      ruleId: "water-network.pressure-drop",
      entityId: meter,
      domain: "water-network",
      severity: "major" as const,
      dedupKey: `water-network.pressure-drop:${meter}:2026-12-02T16:00:00.000Z`,
      startedAt: "2026-12-02T16:00:00.000Z",
      lastSeenAt: "2026-12-02T16:10:00.000Z",
      count: 11,
      value: 1.4,
      worstValue: 1.2,
    };
    const gone = { ...row, ruleId: "water-network.removed-rule", dedupKey: "x" };
    expect(engine.restoreEpisodes([row, gone], Date.parse("2026-12-02T16:11:00Z")).map((s) => [s.ruleId, s.kind])).toEqual([
      ["water-network.removed-rule", "clear"],
    ]);
    const reading = { id: "r", entityId: meter, observedAt: "2026-12-02T16:12:00Z", type: "WaterObserved", pressure: 1.1, flow: 150 };
    const signals = engine.evaluate("water-network", reading);
    // The same alert (its key) is updated, not a second one opened.
    expect(signals.map((s) => [s.kind, s.dedupKey, s.worstValue])).toEqual([["update", row.dedupKey, 1.1]]);
  });
});
