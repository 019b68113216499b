import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/seeded-random";
import { buildRoadSegments } from "./build-road-segments";
import { fixtureTown } from "./fixture-town";
import { haversineM } from "@/lib/geo";
import { generateGrid } from "./generate-grid";
import { readOsm } from "./read-osm";
import { townCenter } from "./town-shape";

function grid(seed: number, withRealSubstation = false) {
  const osm = readOsm(
    fixtureTown(({ square, at }) => {
      if (withRealSubstation) square(...at(-0.4, -0.4), 0.0002, { power: "substation", name: "Fixture Substation" });
    }),
  );
  const segments = buildRoadSegments(osm);
  return { segments, ...generateGrid(osm, segments, townCenter(osm), createRandom(seed)) };
}

describe("generateGrid", () => {
  it("routes feeders along streets", () => {
    const { segments, feeders } = grid(3);
    const streetPoints = new Set(segments.flatMap((s) => s.coords.map((c) => c.join(","))));
    for (const f of feeders) {
      // After the short drop from the substation, every vertex is a street vertex.
      for (const c of f.coords.slice(1)) expect(streetPoints.has(c.join(","))).toBe(true);
      expect(f.coords.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("spreads substations around town", () => {
    const { substations } = grid(3);
    expect(substations).toHaveLength(4);
    for (const a of substations) for (const b of substations) if (a !== b) expect(haversineM(a.position, b.position)).toBeGreaterThan(300);
    expect(new Set(substations.map((s) => s.name)).size).toBe(4);
  });

  it("uses a mapped substation as one of them", () => {
    const { substations } = grid(3, true);
    expect(substations[0].name).toBe("Fixture Substation");
    expect(substations).toHaveLength(4);
  });

  it("fans feeders out instead of stacking them on one street", () => {
    const { feeders } = grid(3);
    const firstStreetVertex = new Set(feeders.map((f) => f.coords.slice(2).join(";")));
    expect(firstStreetVertex.size).toBe(feeders.length);
  });

  it("is deterministic per seed", () => {
    expect(grid(3)).toEqual(grid(3));
    expect(grid(4).feeders).not.toEqual(grid(3).feeders);
  });
});
