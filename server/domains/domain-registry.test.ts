import { describe, expect, it } from "vitest";
import { loadCityPack } from "@/server/city/load-city-pack";
import { createDomainRegistry } from "./domain-registry";
import { DomainSimulator } from "./domain-simulator";
import { createDomainRuleEngine } from "./domain-rule-engine";
import { loadDomainDefinitions } from "./load-domain-definitions";
import { validateMessage } from "@/server/ingest/validate-message";
import { buildEntityRegistry } from "@/server/ingest/entity-registry";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { declaredDomainsOn } from "@/test/fixtures/declared-domains";
import path from "node:path";
import { afterAll } from "vitest";
import { buildMetro, METRO_PACK_ID } from "@/scripts/city-pack/build-metro";
import { scratchDir } from "@/test/fixtures/osm-files";

const scratch = scratchDir("domains-metro");
afterAll(() => scratch.remove());

describe("declared domains on a city pack", () => {
  it("places the same sensors on the town every time, along named streets, for every domain", async () => {
    const { entities } = await loadCityPack("three-rivers");
    const definitions = await loadDomainDefinitions();
    const a = createDomainRegistry(definitions, entities);
    const b = createDomainRegistry(definitions, entities);
    for (const domain of a.domains) {
      expect(domain.entities.length, domain.definition.id).toBeGreaterThan(3);
      expect(domain.entities).toEqual(b.byId.get(domain.definition.id)!.entities);
      expect(domain.entities[0]!.name).toMatch(new RegExp(`^${domain.definition.entities.name} on .+`));
    }
  });

  it("places sensors on the generated metro pack too (CITY_PACK=metro), on its named streets", async () => {
    const outDir = path.join(scratch.dir, "city", METRO_PACK_ID);
    buildMetro({ segments: 2000, sensors: 4000, seed: 1, outDir, log: () => {} });
    const { entities } = await loadCityPack(METRO_PACK_ID, scratch.dir);
    const registry = createDomainRegistry(await loadDomainDefinitions(), entities);
    const named = entities.segments.filter((s) => s.name).length;
    for (const domain of registry.domains) {
      const every = domain.definition.entities.everyNthSegment;
      expect(domain.entities.length, domain.definition.id).toBeGreaterThanOrEqual(Math.floor(named / every));
      expect(domain.entities.length, domain.definition.id).toBeLessThanOrEqual(Math.ceil(named / every));
    }
  });

  it("simulates valid readings with excursions that the rules turn into alerts", async () => {
    const domains = await declaredDomainsOn();
    const startMs = Date.parse("2026-12-02T00:00:00Z");
    const simulator = new DomainSimulator(domains, { seed: 7, startMs });
    const engine = createDomainRuleEngine(domains);
    const registry = buildEntityRegistry(TINY_CITY);
    const opened = new Set<string>();
    let readings = 0;
    // Two simulated days in 10-second steps.
    for (let now = startMs; now < startMs + 2 * 86_400_000; now += 10_000) {
      for (const message of simulator.step(now)) {
        const result = validateMessage({ ...message, partition: 0, offset: "0" }, registry, undefined, domains);
        if (!result.ok) throw new Error(`simulated reading refused: ${result.reason} (${message.value})`);
        readings += 1;
        for (const signal of engine.evaluate(result.declared!.domain, result.declared!.event))
          if (signal.kind === "open") opened.add(signal.ruleId);
      }
    }
    expect(readings).toBeGreaterThan(1_000);
    expect([...opened].sort()).toEqual(expect.arrayContaining(["air-quality.pm25-high", "water-network.pressure-drop"]));
  });

  it("an event of a declared type on a built-in topic is refused, and a built-in event is unchanged", async () => {
    const domains = await declaredDomainsOn();
    const registry = buildEntityRegistry(TINY_CITY);
    const meter = domains.byId.get("water-network")!.entities[0]!;
    const value = JSON.stringify({
      id: "e",
      entityId: meter.id,
      observedAt: "2026-12-02T00:00:00Z",
      type: "WaterObserved",
      pressure: 3,
      flow: 1,
    });
    expect(validateMessage({ topic: "city.waste", partition: 0, offset: "0", key: null, value }, registry, undefined, domains)).toEqual({
      ok: false,
      reason: "wrong topic: WaterObserved belongs on city.water-network, got city.waste",
    });
    const wrongType = JSON.stringify({
      id: "e",
      entityId: meter.id,
      observedAt: "2026-12-02T00:00:00Z",
      type: "Streetlight",
      pressure: 3,
      flow: 1,
    });
    const refused = validateMessage(
      { topic: "city.water-network", partition: 0, offset: "0", key: null, value: wrongType },
      registry,
      undefined,
      domains,
    );
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/^schema: type/) });
  });
});
