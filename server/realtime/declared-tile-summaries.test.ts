import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { TDomainEvent, TDomainField } from "@/lib/contracts/domain-definition";
import type { TLevelCounts } from "@/lib/contracts/realtime";
import { declaredLevelRule } from "@/lib/live/declared-attention";
import { indexTiles } from "@/lib/live/tile-index";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import { declaredDomainsOn } from "@/test/fixtures/declared-domains";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { TileSummaries } from "./tile-summaries";

let registry: TDomainRegistry;
let summariesOf: () => TileSummaries;

beforeAll(async () => {
  registry = await declaredDomainsOn(CITY);
  const index = indexTiles(CITY, registry.domains);
  summariesOf = () =>
    new TileSummaries(
      index,
      () => 50,
      registry.domains.map((d) => d.definition),
    );
});

/** The tiny city and a copy of its streets ~8 km east: sensors in several tiles. */
const CITY = {
  ...TINY_CITY,
  segments: [
    ...TINY_CITY.segments,
    ...TINY_CITY.segments.map((s) => ({
      ...s,
      id: `${s.id}-east`,
      coords: s.coords.map(([lon, lat]) => [lon + 0.1, lat] as [number, number]),
    })),
  ],
};

function fieldValue(field: TDomainField): fc.Arbitrary<string | number | boolean> {
  switch (field.kind) {
    case "number":
      return fc.double({ min: field.min, max: field.max, noNaN: true });
    case "enum":
      return fc.constantFrom(...field.values);
    case "boolean":
      return fc.boolean();
  }
}

/** One reading of any declared sensor of the city, every field anywhere in its range. */
const reading = () =>
  fc.constantFrom(...registry.domains).chain(({ definition, entities }) =>
    fc
      .record({
        sensor: fc.constantFrom(...entities),
        second: fc.integer({ min: 0, max: 59 }),
        fields: fc.record(Object.fromEntries(definition.fields.map((f) => [f.name, fieldValue(f)]))),
      })
      .map(({ sensor, second, fields }) => ({
        domain: definition.id,
        event: {
          id: `${sensor.id}-${second}`,
          entityId: sensor.id,
          observedAt: new Date(Date.UTC(2026, 11, 4, 8, 0, second)).toISOString(),
          type: definition.eventType,
          ...fields,
        } as TDomainEvent,
      })),
  );

/** The same counts from scratch: every sensor in its tile, each one's latest reading at its level. */
function recount(readings: readonly { domain: string; event: TDomainEvent }[], domains: readonly string[]) {
  const latest = new Map<string, { domain: string; event: TDomainEvent }>();
  for (const r of readings) latest.set(`${r.domain}/${r.event.entityId}`, r);
  const tiles = new Map<string, Record<string, TLevelCounts>>();
  const countsOf = (tile: string, domain: string) => {
    let byDomain = tiles.get(tile);
    if (!byDomain) tiles.set(tile, (byDomain = {}));
    return (byDomain[domain] ??= [0, 0, 0, 0, 0]);
  };
  const index = indexTiles(CITY, registry.domains);
  for (const domain of domains) {
    const { definition, entities } = registry.byId.get(domain)!;
    const levelOf = declaredLevelRule(definition);
    for (const sensor of entities) {
      const counts = countsOf(index.declaredTileOf(domain, sensor.id)!, domain);
      counts[0]++;
      const last = latest.get(`${domain}/${sensor.id}`);
      if (last) counts[1 + (levelOf?.(last.event) ?? 0)]++;
    }
  }
  return tiles;
}

describe("declared domains' per-tile summaries", () => {
  it("kept one reading at a time, equal a full recount for any set of domains read", async () => {
    const domainIds = registry.domains.map((d) => d.definition.id);
    fc.assert(
      fc.property(fc.array(reading(), { maxLength: 60 }), fc.subarray(domainIds, { minLength: 1 }), (readings, domains) => {
        const summaries = summariesOf();
        for (const { domain, event } of readings) summaries.applyDeclared(domain, event);
        const expected = recount(readings, domains);
        const read = summaries.read(new Set(domains));
        const got = new Map(read.tiles.filter((t) => t.declared).map((t) => [t.tile, t.declared]));
        expect(got).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("places the sensors in more than one tile, so the recount compares tile by tile", () => {
    const tiles = new Set(
      summariesOf()
        .read(new Set(registry.domains.map((d) => d.definition.id)))
        .tiles.filter((t) => t.declared),
    );
    expect(tiles.size).toBeGreaterThan(1);
  });

  it("gives a client without declared domains the built-in summaries only, and a new object only after a change it holds", () => {
    const summaries = summariesOf();
    expect(summaries.read().tiles.some((t) => t.declared)).toBe(false);
    const air = new Set(["air-quality"]);
    const first = summaries.read(air);
    expect(summaries.read(air)).toBe(first);
    const lights = registry.byId.get("street-lighting")!;
    const lamp = lights.entities[0]!;
    summaries.applyDeclared("street-lighting", {
      id: "l1",
      entityId: lamp.id,
      observedAt: "2026-12-04T08:00:00Z",
      type: lights.definition.eventType,
      powerState: "fault",
      powerConsumption: 0,
      dimmingLevel: 0,
    });
    expect(summaries.read(air)).toBe(first);
    const withLights = summaries.read(new Set(["street-lighting"]));
    const tile = withLights.tiles.find((t) => t.declared?.["street-lighting"]?.[4] === 1);
    expect(tile?.declared?.["street-lighting"]?.slice(1)).toEqual([0, 0, 0, 1]);
  });
});
