import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { buildStyle, FONT } from "./build-style";

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
