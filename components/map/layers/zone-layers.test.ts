import { describe, expect, it } from "vitest";
import type { TZone } from "@/lib/contracts/zones";
import { createZoneLabelLayer, zoneOutlines } from "./zone-layers";

const square = (x: number): [number, number][] => [
  [x, 0],
  [x + 1, 0],
  [x + 1, 1],
  [x, 1],
  [x, 0],
];

const zone = (geometry: TZone["geometry"]): TZone => ({
  id: "00000000-0000-4000-8000-000000000001",
  name: "Riverside",
  kind: "district",
  geometry,
  version: 0,
  updatedAt: "2026-12-03T06:00:00.000Z",
  updatedBy: null,
});

describe("zone outlines", () => {
  it("draws one outline per polygon part, outer rings only", () => {
    const outlines = zoneOutlines([
      zone({ type: "Polygon", coordinates: [square(0), square(0.25)] }),
      zone({ type: "MultiPolygon", coordinates: [[square(5)], [square(7)]] }),
    ]);
    expect(outlines.map((o) => o.ring[0])).toEqual([
      [0, 0],
      [5, 0],
      [7, 0],
    ]);
  });

  it("names the zones at city zoom only", () => {
    const outlines = zoneOutlines([zone({ type: "Polygon", coordinates: [square(0)] })]);
    expect(createZoneLabelLayer(outlines, 13).props.visible).toBe(true);
    expect(createZoneLabelLayer(outlines, 16).props.visible).toBe(false);
  });
});
