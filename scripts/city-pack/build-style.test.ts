import { featureFilter, validateStyleMin, type FilterSpecification } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { BASEMAP_SOURCE_ID, basemapMinZooms, buildStyle, FONT, featureMinZoom } from "./build-style";

const manifest = {
  id: "three-rivers",
  name: "Three Rivers, Michigan",
  attribution: "© OpenStreetMap contributors (ODbL)",
  center: [-85.63, 41.94] as [number, number],
  zoom: 14.5,
  bounds: [-85.65, 41.93, -85.58, 41.97] as [number, number, number, number],
  seed: 42,
};

describe("buildStyle", () => {
  const style = buildStyle(manifest);

  it("is a valid MapLibre v8 style", () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it("reads the pack's GeoJSON from the site root, with attribution", () => {
    expect(style.sources.roads).toEqual({ type: "geojson", data: "/city/three-rivers/roads.geojson", attribution: manifest.attribution });
    expect(Object.keys(style.sources).sort()).toEqual(["buildings", "landuse", "pois", "roads", "water"]);
  });

  it("uses only the bundled font and no sprite", () => {
    expect(style.glyphs).toBe("/fonts/{fontstack}/{range}.pbf");
    expect(style.sprite).toBeUndefined();
    for (const layer of style.layers) {
      if (layer.type === "symbol") expect(layer.layout?.["text-font"]).toEqual([FONT]);
    }
  });

  it("starts from a dark background", () => {
    const bg = style.layers.find((l) => l.type === "background");
    expect(bg?.paint?.["background-color"]).toBe("#0b1220");
  });
});

describe("buildStyle over vector tiles", () => {
  const bounds: [number, number, number, number] = [-85.66, 41.92, -85.57, 41.98];
  const tiled = buildStyle(manifest, { kind: "tiles", template: "tiles/{z}/{x}/{y}.pbf", bounds, minZoom: 0, maxZoom: 14 });
  const geojson = buildStyle(manifest);

  it("is a valid MapLibre v8 style", () => {
    expect(validateStyleMin(tiled)).toEqual([]);
  });

  it("has one vector source over the pack's tiles, overzoomed above its max zoom", () => {
    expect(tiled.sources).toEqual({
      [BASEMAP_SOURCE_ID]: {
        type: "vector",
        tiles: ["/city/three-rivers/tiles/{z}/{x}/{y}.pbf"],
        bounds,
        minzoom: 0,
        maxzoom: 14,
        attribution: manifest.attribution,
      },
    });
  });

  it("reads every basemap layer from the source layer named after the file it read before, looking the same", () => {
    expect(tiled.layers.map((l) => l.id)).toEqual(geojson.layers.map((l) => l.id));
    tiled.layers.forEach((layer, i) => {
      const before = geojson.layers[i];
      if (!("source" in before)) return expect(layer).toEqual(before);
      const { source, "source-layer": sourceLayer, ...look } = layer as typeof layer & { source: string; "source-layer": string };
      expect(source).toBe(BASEMAP_SOURCE_ID);
      expect(sourceLayer).toBe(before.source);
      expect({ ...look, source: before.source }).toEqual(before);
    });
  });

  it("draws side streets from zoom 13, service roads and car parks from 14, as featureMinZoom says (the tiles leave them out below)", () => {
    // The layers drawing roads and landuse are named after their files.
    const shownFrom = (source: string, properties: Record<string, string>) => {
      const layer = buildStyle(manifest).layers.find((l) => l.id === source) as { filter: FilterSpecification };
      const { filter } = featureFilter(layer.filter, "filter");
      const feature = { type: 2 as const, properties, geometry: [] };
      return [10, 11, 12, 13, 14, 15, 16].find((zoom) => filter({ zoom }, feature)) ?? Infinity;
    };
    const cases: [string, Record<string, string>, number][] = [
      ["roads", { class: "primary" }, 10],
      ["roads", { class: "tertiary" }, 10],
      ["roads", { class: "residential" }, 13],
      ["roads", { class: "unclassified" }, 13],
      ["roads", { class: "service" }, 14],
      ["landuse", { kind: "park" }, 10],
      ["landuse", { kind: "parking" }, 14],
    ];
    for (const [source, properties, zoom] of cases) {
      expect(shownFrom(source, properties), JSON.stringify(properties)).toBe(zoom);
      expect(Math.max(10, featureMinZoom(source, properties))).toBe(zoom);
    }
  });

  it("knows the lowest zoom each basemap file is drawn at", () => {
    expect(basemapMinZooms()).toEqual({ landuse: 0, water: 0, buildings: 13, roads: 0, pois: 14 });
  });
});
