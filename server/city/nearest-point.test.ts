import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { haversineM, type TLonLat } from "@/lib/geo";
import { createNearestPoint } from "./nearest-point";

/** What the index replaces: a scan of every point, the first of equals winning. */
function scan(points: readonly TLonLat[], p: TLonLat): { index: number; distanceM: number } {
  let best = { index: -1, distanceM: Infinity };
  for (const [index, q] of points.entries()) {
    const distanceM = haversineM(p, q);
    if (distanceM < best.distanceM) best = { index, distanceM };
  }
  return best;
}

// Points of a city: within about 20 km of somewhere at a mid latitude.
const lonLat = (lat: number) =>
  fc.tuple(fc.double({ min: -83.2, max: -82.9, noNaN: true }), fc.double({ min: lat - 0.1, max: lat + 0.1, noNaN: true }));

describe("createNearestPoint", () => {
  it("finds the point a scan of every point finds", () => {
    fc.assert(
      fc.property(fc.array(lonLat(42.35), { minLength: 1, maxLength: 300 }), lonLat(42.35), (points, p) => {
        const found = createNearestPoint(points as TLonLat[])(p as TLonLat);
        const expected = scan(points as TLonLat[], p as TLonLat);
        expect(found?.distanceM).toBe(expected.distanceM);
      }),
    );
  });

  it("prefers the first of points at the same place, and has nothing to offer without points", () => {
    const points: TLonLat[] = [
      [-83, 42],
      [-83.01, 42],
      [-83.01, 42],
    ];
    expect(createNearestPoint(points)([-83.0101, 42])).toEqual({ index: 1, distanceM: haversineM([-83.0101, 42], [-83.01, 42]) });
    expect(createNearestPoint([])([-83, 42])).toBeNull();
  });
});
