import { describe, expect, it } from "vitest";
import { bearingDeg, destination, haversineM, lineLengthM, pointAlong, ringAreaM2, ringCentroid, round6 } from "./geo";

describe("geo", () => {
  it("measures one degree of latitude as ~111.2 km", () => {
    expect(haversineM([-85.6, 41.9], [-85.6, 42.9])).toBeCloseTo(111_195, -1);
  });

  it("sums polyline lengths", () => {
    const a: [number, number] = [-85.63, 41.94];
    const b = destination(a, 90, 100);
    const c = destination(b, 0, 50);
    expect(lineLengthM([a, b, c])).toBeCloseTo(150, 3);
  });

  it("computes the area and centroid of a 100 m square", () => {
    const sw: [number, number] = [-85.63, 41.94];
    const se = destination(sw, 90, 100);
    const ne = destination(se, 0, 100);
    const nw = destination(sw, 0, 100);
    const ring = [sw, se, ne, nw, sw];
    expect(ringAreaM2(ring)).toBeCloseTo(10_000, -1);
    const c = ringCentroid(ring);
    expect(haversineM(c, destination(destination(sw, 90, 50), 0, 50))).toBeLessThan(0.5);
  });

  it("walks along a line and reports its heading", () => {
    const a: [number, number] = [-85.63, 41.94];
    const b = destination(a, 90, 200);
    const { position, bearing } = pointAlong([a, b], 50);
    expect(haversineM(a, position)).toBeCloseTo(50, 1);
    expect(bearing).toBeCloseTo(90, 0);
    expect(bearingDeg(b, a)).toBeCloseTo(270, 0);
  });

  it("rounds to 6 decimals", () => {
    expect(round6(-85.12345678)).toBe(-85.123457);
  });
});
