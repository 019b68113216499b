import { describe, expect, it } from "vitest";
import { basemapBytes, planBasemap, TILED_BASEMAP_MIN_BYTES } from "./basemap-tiling";
import type { TBasemap } from "./build-basemap";
import { feature, featureCollection } from "./geojson";

function basemapOfRoads(count: number): TBasemap {
  const roads = Array.from({ length: count }, (_, i) =>
    feature(
      {
        type: "LineString",
        coordinates: [
          [-85.64 + i * 1e-5, 41.94],
          [-85.63 + i * 1e-5, 41.941],
        ],
      },
      { class: "residential", name: `Street number ${i} with a long enough name` },
    ),
  );
  const empty = featureCollection([]);
  return { roads: featureCollection(roads), buildings: empty, water: empty, landuse: empty, pois: empty };
}

describe("planBasemap", () => {
  const basemap = basemapOfRoads(10);
  const bytes = basemapBytes(basemap);

  it("measures the basemap as the GeoJSON files it writes", () => {
    const files = Object.values(basemap).map((collection) => `${JSON.stringify(collection)}\n`);
    expect(bytes).toBe(files.join("").length);
  });

  it("keeps a basemap below the threshold as GeoJSON, with no tiles", () => {
    expect(planBasemap(basemap, bytes + 1)).toEqual({ tileset: null, source: { kind: "geojson" } });
    expect(TILED_BASEMAP_MIN_BYTES).toBeGreaterThan(1024 * 1024);
  });

  it("cuts a basemap of at least the threshold into tiles, and points the style's source at them", () => {
    const { tileset, source } = planBasemap(basemap, bytes);
    expect(tileset?.tiles.size).toBeGreaterThan(0);
    expect(source).toEqual({ kind: "tiles", template: "tiles/{z}/{x}/{y}.pbf", bounds: tileset?.bounds, minZoom: 0, maxZoom: 14 });
  });
});
