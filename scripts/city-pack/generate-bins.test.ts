import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/seeded-random";
import { ZWasteBin } from "@/lib/contracts/city-pack";
import { buildRoadSegments } from "./build-road-segments";
import { fixtureTown } from "./fixture-town";
import { distanceToLineM } from "@/lib/geo";
import { generateBins } from "./generate-bins";
import { readOsm } from "./read-osm";

describe("generateBins", () => {
  const osm = readOsm(fixtureTown());
  const segments = buildRoadSegments(osm);
  const bins = (seed: number, total = 50) => generateBins(osm, segments, createRandom(seed), { total });

  it("keeps OSM waste baskets and tops up to the total", () => {
    const list = bins(1);
    expect(list).toHaveLength(50);
    expect(list.filter((b) => b.id.startsWith("bin-n"))).toHaveLength(2);
    for (const b of list) ZWasteBin.parse(b);
    expect(new Set(list.map((b) => b.id)).size).toBe(50);
  });

  it("puts generated bins at the kerb of the street they are named after", () => {
    for (const b of bins(1).filter((x) => !x.id.startsWith("bin-n"))) {
      const street = segments.filter((s) => s.name === b.street);
      const d = Math.min(...street.map((s) => distanceToLineM(b.position, s.coords)));
      expect(d).toBeGreaterThan(5);
      expect(d).toBeLessThan(9);
    }
  });

  it("is deterministic per seed and differs between seeds", () => {
    expect(bins(1)).toEqual(bins(1));
    expect(bins(2)).not.toEqual(bins(1));
  });

  it("never removes real baskets", () => {
    expect(bins(1, 1)).toHaveLength(2);
  });
});
