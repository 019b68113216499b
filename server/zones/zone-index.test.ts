import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_ZONE, type TZoneGeometry } from "@/lib/contracts/zones";
import { buildZoneIndex } from "./zone-index";

type TRect = { name: string; west: number; south: number; east: number; north: number };

const ring = ({ west, south, east, north }: Omit<TRect, "name">): [number, number][] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];
const polygon = (rect: Omit<TRect, "name">, ...holes: Omit<TRect, "name">[]): TZoneGeometry => ({
  type: "Polygon",
  coordinates: [ring(rect), ...holes.map(ring)],
});

/**
 * Rectangles that cannot overlap: each sits inside its own cell of a 10×10 grid of 1° cells (never touching
 * the cell's edges), at a random size and place within it.
 */
const rectangles = fc
  .uniqueArray(
    fc.record({
      cell: fc.integer({ min: 0, max: 99 }),
      x: fc.tuple(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
      y: fc.tuple(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
    }),
    { selector: (r) => r.cell, maxLength: 30 },
  )
  .map((cells) =>
    cells
      .filter(({ x, y }) => x[0] !== x[1] && y[0] !== y[1])
      .map(({ cell, x, y }): TRect => {
        const [col, row] = [cell % 10, Math.floor(cell / 10)];
        return {
          name: `zone-${cell}`,
          west: col + Math.min(...x),
          east: col + Math.max(...x),
          south: row + Math.min(...y),
          north: row + Math.max(...y),
        };
      }),
  );
const point = fc.tuple(fc.double({ min: -1, max: 11, noNaN: true }), fc.double({ min: -1, max: 11, noNaN: true }));

describe("the zone index", () => {
  it("agrees with a brute-force check over every zone for non-overlapping rectangles", () => {
    fc.assert(
      fc.property(rectangles, fc.array(point, { minLength: 1, maxLength: 50 }), (rects, points) => {
        const index = buildZoneIndex(rects.map((r) => ({ name: r.name, geometry: polygon(r) })));
        for (const [lon, lat] of points) {
          const containing = rects.filter((r) => lon >= r.west && lon <= r.east && lat >= r.south && lat <= r.north);
          expect(index.zoneOf([lon, lat])).toBe(containing[0]?.name ?? NO_ZONE);
        }
      }),
    );
  });

  it("finds the zone of a point drawn inside each rectangle", () => {
    fc.assert(
      fc.property(rectangles, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (rects, fx, fy) => {
        const index = buildZoneIndex(rects.map((r) => ({ name: r.name, geometry: polygon(r) })));
        for (const r of rects) expect(index.zoneOf([r.west + fx * (r.east - r.west), r.south + fy * (r.north - r.south)])).toBe(r.name);
      }),
    );
  });

  it("answers the most specific zone when zones nest, whatever their order", () => {
    const central = { name: "Central", geometry: polygon({ west: 0, south: 0, east: 10, north: 10 }) };
    const riverside = { name: "Riverside", geometry: polygon({ west: 2, south: 2, east: 4, north: 4 }) };
    const quay = { name: "Quay", geometry: polygon({ west: 3, south: 3, east: 3.5, north: 3.5 }) };
    for (const zones of [
      [central, riverside, quay],
      [quay, riverside, central],
    ]) {
      const index = buildZoneIndex(zones);
      expect(index.zoneOf([3.2, 3.2])).toBe("Quay");
      expect(index.zoneOf([2.5, 2.5])).toBe("Riverside");
      expect(index.zoneOf([8, 8])).toBe("Central");
      expect(index.zoneOf([11, 8])).toBe(NO_ZONE);
    }
  });

  it("leaves a polygon's hole outside it (a zone under the hole, or none)", () => {
    const ringZone = {
      name: "Ring",
      geometry: polygon({ west: 0, south: 0, east: 10, north: 10 }, { west: 4, south: 4, east: 6, north: 6 }),
    };
    expect(buildZoneIndex([ringZone]).zoneOf([5, 5])).toBe(NO_ZONE);
    expect(buildZoneIndex([ringZone]).zoneOf([2, 2])).toBe("Ring");
    const park = { name: "Park", geometry: polygon({ west: 3, south: 3, east: 7, north: 7 }) };
    // The ring's area minus its hole (96) is larger than the park's (16): the park wins where both hold.
    const index = buildZoneIndex([ringZone, park]);
    expect(index.zoneOf([5, 5])).toBe("Park");
    expect(index.zoneOf([3.5, 3.5])).toBe("Park");
    expect(index.zoneOf([1, 1])).toBe("Ring");
  });

  it("finds points in any part of a MultiPolygon", () => {
    const islands: TZoneGeometry = {
      type: "MultiPolygon",
      coordinates: [[ring({ west: 0, south: 0, east: 1, north: 1 })], [ring({ west: 5, south: 5, east: 6, north: 6 })]],
    };
    const index = buildZoneIndex([{ name: "Islands", geometry: islands }]);
    expect(index.zoneOf([0.5, 0.5])).toBe("Islands");
    expect(index.zoneOf([5.5, 5.5])).toBe("Islands");
    expect(index.zoneOf([3, 3])).toBe(NO_ZONE);
  });

  it("answers NO_ZONE when there are no zones", () => {
    expect(buildZoneIndex([]).zoneOf([0, 0])).toBe(NO_ZONE);
  });

  it("finds the smallest zone of a kind for dispatch areas, whatever smaller zones of other kinds hold the point", () => {
    const index = buildZoneIndex([
      { name: "Old Town", kind: "district", geometry: polygon({ west: 0, south: 0, east: 2, north: 2 }) },
      { name: "Fire area 1", kind: "fireArea", geometry: polygon({ west: 0, south: 0, east: 10, north: 10 }) },
      { name: "Fire area 1 north", kind: "fireArea", geometry: polygon({ west: 0, south: 5, east: 10, north: 10 }) },
    ]);
    expect(index.zoneOf([1, 1])).toBe("Old Town");
    expect(index.areaOf([1, 1], "fireArea")).toBe("Fire area 1");
    expect(index.areaOf([1, 6], "fireArea")).toBe("Fire area 1 north");
    expect(index.areaOf([1, 1], "policeBeat")).toBeUndefined();
    expect(index.areaOf([20, 20], "fireArea")).toBeUndefined();
    expect(buildZoneIndex([]).areaOf([0, 0], "fireArea")).toBeUndefined();
  });
});
