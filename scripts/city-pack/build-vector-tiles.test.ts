import { VectorTile } from "@mapbox/vector-tile";
import fc from "fast-check";
import { PbfReader } from "pbf";
import { describe, expect, it } from "vitest";
import { buildVectorTiles } from "./build-vector-tiles";
import { feature, featureCollection } from "./geojson";

const MAIN_STREET = feature(
  {
    type: "LineString",
    coordinates: [
      [-85.64, 41.94],
      [-85.63, 41.941],
    ],
  },
  { class: "primary", name: "Main Street", oneway: true },
);
const LIBRARY = feature({ type: "Point", coordinates: [-85.635, 41.9405] }, { name: "Public Library", rank: 2 });
/** About 8 km east of the rest: on another zoom-14 tile. */
const FAR_POND = feature({ type: "Point", coordinates: [-85.54, 41.94] }, { kind: "pond", name: "Far Pond" });
const TOWN_HALL = feature(
  {
    type: "Polygon",
    coordinates: [
      [
        [-85.6352, 41.9402],
        [-85.6348, 41.9402],
        [-85.6348, 41.9406],
        [-85.6352, 41.9406],
        [-85.6352, 41.9402],
      ],
    ],
  },
  { kind: "civic" },
);

const layers = {
  roads: featureCollection([MAIN_STREET]),
  pois: featureCollection([LIBRARY, FAR_POND]),
  buildings: featureCollection([TOWN_HALL]),
  water: featureCollection([]),
};

/** Tile column and row of a position at zoom z (web mercator). */
function tileAt([lon, lat]: [number, number], z: number): [number, number] {
  const side = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * side), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * side)];
}

function decode(tiles: Map<string, Uint8Array>, z: number, x: number, y: number): VectorTile {
  const data = tiles.get(`${z}/${x}/${y}`);
  if (!data) throw new Error(`no tile ${z}/${x}/${y}`);
  return new VectorTile(new PbfReader(data));
}

function featuresOf(tile: VectorTile, layer: string) {
  const source = tile.layers[layer];
  return source ? Array.from({ length: source.length }, (_, i) => source.feature(i)) : [];
}

describe("buildVectorTiles", () => {
  const tileset = buildVectorTiles(layers, { buildings: 13 }, { minZoom: 10, maxZoom: 14 });
  const [x, y] = tileAt(LIBRARY.geometry.coordinates as [number, number], 14);
  const tile = decode(tileset.tiles, 14, x, y);

  it("gives every basemap file with features its own source layer, keeping the features' properties", () => {
    expect(Object.keys(tile.layers).sort()).toEqual(["buildings", "pois", "roads"]);
    expect(featuresOf(tile, "roads").map((f) => f.properties)).toEqual([{ class: "primary", name: "Main Street", oneway: true }]);
    expect(featuresOf(tile, "pois").map((f) => f.properties)).toEqual([{ name: "Public Library", rank: 2 }]);
    expect(featuresOf(tile, "buildings").map((f) => [f.type, f.properties])).toEqual([[3, { kind: "civic" }]]);
  });

  it("puts a feature back where it was, to within a metre", () => {
    const { geometry } = featuresOf(tile, "pois")[0].toGeoJSON(x, y, 14);
    if (geometry.type !== "Point") throw new Error(`a point came back as a ${geometry.type}`);
    const [lon, lat] = geometry.coordinates;
    expect(lon).toBeCloseTo(-85.635, 5);
    expect(lat).toBeCloseTo(41.9405, 5);
  });

  it("leaves a feature out of a tile it lies outside of, and has it in its own", () => {
    expect(featuresOf(tile, "pois").some((f) => f.properties.name === "Far Pond")).toBe(false);
    const [farX, farY] = tileAt(FAR_POND.geometry.coordinates as [number, number], 14);
    expect(farX).not.toBe(x);
    expect(featuresOf(decode(tileset.tiles, 14, farX, farY), "pois").map((f) => f.properties.name)).toEqual(["Far Pond"]);
  });

  it("leaves a layer out of the tiles below its minimum zoom", () => {
    const [x12, y12] = tileAt(LIBRARY.geometry.coordinates as [number, number], 12);
    expect(Object.keys(decode(tileset.tiles, 12, x12, y12).layers).sort()).toEqual(["pois", "roads"]);
    const [x13, y13] = tileAt(LIBRARY.geometry.coordinates as [number, number], 13);
    expect(Object.keys(decode(tileset.tiles, 13, x13, y13).layers)).toContain("buildings");
  });

  it("leaves a feature out of the tiles below the zoom its kind starts at, keeping the rest of its layer", () => {
    const SIDE_STREET = feature(MAIN_STREET.geometry, { class: "residential", name: "Elm Street" });
    const startsAt = (layer: string, properties: Record<string, unknown> | null) =>
      layer === "roads" && properties?.class === "residential" ? 13 : 0;
    const cut = buildVectorTiles({ roads: featureCollection([MAIN_STREET, SIDE_STREET]) }, {}, { minZoom: 12, maxZoom: 13 }, startsAt);
    const namesAt = (z: number) => {
      const [tx, ty] = tileAt(LIBRARY.geometry.coordinates as [number, number], z);
      return featuresOf(decode(cut.tiles, z, tx, ty), "roads").map((f) => f.properties.name);
    };
    expect(namesAt(12)).toEqual(["Main Street"]);
    expect(namesAt(13).sort()).toEqual(["Elm Street", "Main Street"]);
  });

  it("cuts every tile over the features' bounds at every zoom, an empty one as an empty tile", () => {
    expect(tileset.bounds).toEqual([-85.64, 41.94, -85.54, 41.941]);
    for (let z = 10; z <= 14; z++) {
      const [x0, y0] = tileAt([-85.64, 41.941], z);
      const [x1, y1] = tileAt([-85.54, 41.94], z);
      const keys = [...tileset.tiles.keys()].filter((key) => key.startsWith(`${z}/`));
      expect(keys.length).toBe((x1 - x0 + 1) * (y1 - y0 + 1));
    }
    const empty = [...tileset.tiles.entries()].filter(([, data]) => data.length === 0).map(([key]) => key);
    expect(empty.length).toBeGreaterThan(0);
    for (const key of empty)
      expect(Object.keys(decode(tileset.tiles, ...(key.split("/").map(Number) as [number, number, number])).layers)).toEqual([]);
  });

  it("has any point of the town in the zoom-14 tile that covers it, with its name", () => {
    fc.assert(
      fc.property(fc.double({ min: -85.66, max: -85.58, noNaN: true }), fc.double({ min: 41.92, max: 41.97, noNaN: true }), (lon, lat) => {
        const point = feature({ type: "Point", coordinates: [lon, lat] }, { name: "Probe" });
        const { tiles } = buildVectorTiles({ pois: featureCollection([point]) }, {}, { minZoom: 14, maxZoom: 14 });
        const [px, py] = tileAt([lon, lat], 14);
        expect(featuresOf(decode(tiles, 14, px, py), "pois").map((f) => f.properties.name)).toEqual(["Probe"]);
      }),
      { numRuns: 50 },
    );
  });
});
