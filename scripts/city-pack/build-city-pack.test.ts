import { describe, expect, it } from "vitest";
import { ZCityEntities, ZCityPackManifest } from "@/lib/contracts/city-pack";
import { buildCityPack, type TCityPackConfig } from "./build-city-pack";
import { checkEntities } from "./check-entities";
import { FIXTURE_SIZE, fixtureTown } from "./fixture-town";
import { haversineM } from "@/lib/geo";
import { readOsm } from "./read-osm";

const config: TCityPackConfig = {
  id: "fixture",
  name: "Fixture, Michigan",
  townName: "Fixture",
  attribution: "© OpenStreetMap contributors (ODbL)",
  zoom: 14.5,
  seed: 42,
  binCount: 60,
};
const build = (seed: number) => buildCityPack(readOsm(fixtureTown()), { ...config, seed });

describe("buildCityPack", () => {
  const pack = build(42);

  it("produces a manifest and entities that pass the contract", () => {
    expect(ZCityPackManifest.parse(pack.manifest)).toEqual(pack.manifest);
    expect(ZCityEntities.parse(pack.entities)).toEqual(pack.entities);
    expect(checkEntities(pack.entities)).toEqual([]);
    const [w, s, e, n] = pack.manifest.bounds;
    expect(w < pack.manifest.center[0] && pack.manifest.center[0] < e && s < pack.manifest.center[1] && pack.manifest.center[1] < n).toBe(
      true,
    );
  });

  it("cuts every street at every crossing", () => {
    // Each of the 2·SIZE streets meets a crossing street at each of its SIZE nodes: SIZE-1 pieces.
    expect(pack.entities.segments).toHaveLength(2 * FIXTURE_SIZE * (FIXTURE_SIZE - 1));
  });

  it("is deterministic for a seed", () => {
    expect(build(42)).toEqual(pack);
  });

  it("varies the generated assets, not the real ones, with the seed", () => {
    const other = build(7);
    expect(other.entities.segments).toEqual(pack.entities.segments);
    expect(other.entities.parking).toEqual(pack.entities.parking);
    expect(other.entities.bins).not.toEqual(pack.entities.bins);
    expect(other.entities.feeders).not.toEqual(pack.entities.feeders);
  });

  it("generates the requested number of bins, OSM baskets included", () => {
    expect(pack.entities.bins).toHaveLength(60);
    expect(pack.entities.bins.filter((b) => b.id.startsWith("bin-n"))).toHaveLength(2);
  });

  it("builds a plausible grid: 13.2 kV substations of 5–20 MW, 3–5 feeders each starting at their substation", () => {
    expect(pack.entities.substations.length).toBeGreaterThanOrEqual(3);
    for (const sub of pack.entities.substations) {
      expect(sub.voltageV).toBe(13_200);
      expect(sub.capacityKw).toBeGreaterThanOrEqual(5_000);
      expect(sub.capacityKw).toBeLessThanOrEqual(20_000);
      const feeders = pack.entities.feeders.filter((f) => f.substationId === sub.id);
      expect(feeders.length).toBeGreaterThanOrEqual(3);
      expect(feeders.length).toBeLessThanOrEqual(5);
      for (const f of feeders) expect(f.coords[0]).toEqual(sub.position);
    }
  });

  it("bases ~20 units with call signs at stations of their own type", () => {
    expect(pack.entities.units).toHaveLength(20);
    expect(new Set(pack.entities.stations.map((s) => s.type))).toEqual(new Set(["police", "fire", "ems", "sanitation", "utility"]));
    expect(pack.entities.units.map((u) => u.callSign)).toContain("E-2");
    for (const u of pack.entities.units) expect(u.callSign).toMatch(/^[PELMSU]-\d+$/);
  });

  it("keeps stations in town", () => {
    for (const s of pack.entities.stations) expect(haversineM(s.position, pack.manifest.center)).toBeLessThan(2_000);
  });
});
