import { describe, expect, it } from "vitest";
import { ZRoadSegment } from "@/lib/contracts/city-pack";
import { buildRoadSegments } from "./build-road-segments";
import { readOsm } from "./read-osm";

/**
 *   n1 ── n2 ── n3 ── n4      w1 Main Street (primary), n1..n4
 *          │                  w2 Oak Street (residential, oneway=-1), n2→n5→n6
 *         n5 ·· n7            w3 footway n5→n7 (does not make n5 an intersection)
 *          │
 *         n6
 */
function fixture() {
  const node = (i: number, lon: number, lat: number) => [`n${i}`, { id: `n${i}`, loc: [lon, lat] }] as const;
  return Object.fromEntries([
    node(1, -85.64, 41.94),
    node(2, -85.638, 41.94),
    node(3, -85.636, 41.94),
    node(4, -85.634, 41.94),
    node(5, -85.638, 41.938),
    node(6, -85.638, 41.936),
    node(7, -85.637, 41.938),
    ["w1", { id: "w1", nodes: ["n1", "n2", "n3", "n4"], tags: { highway: "primary", name: "Main Street", maxspeed: "25 mph" } }],
    ["w2", { id: "w2", nodes: ["n2", "n5", "n6"], tags: { highway: "residential", name: "Oak Street", oneway: "-1" } }],
    ["w3", { id: "w3", nodes: ["n5", "n7"], tags: { highway: "footway" } }],
  ]);
}

describe("buildRoadSegments", () => {
  it("splits ways at intersections shared by drivable ways only", () => {
    const segs = buildRoadSegments(readOsm(fixture()));
    expect(segs.map((s) => s.id)).toEqual(["seg-1-0", "seg-1-1", "seg-2-0"]);
    expect(segs.map((s) => [s.from, s.to])).toEqual([
      ["1", "2"],
      ["2", "4"],
      ["6", "2"],
    ]);
    expect(segs[1].coords).toHaveLength(3);
  });

  it("reverses oneway=-1 ways so coords follow traffic", () => {
    const oak = buildRoadSegments(readOsm(fixture()))[2];
    expect(oak.oneway).toBe(true);
    expect(oak.coords[0]).toEqual([-85.638, 41.936]);
  });

  it("fills attributes and passes the contract", () => {
    const segs = buildRoadSegments(readOsm(fixture()));
    for (const s of segs) ZRoadSegment.parse(s);
    expect(segs[0].name).toBe("Main Street");
    expect(segs[0].freeFlowKmh).toBeCloseTo(40.2, 1);
    expect(segs[0].lengthM).toBeCloseTo(165.6, 0);
    expect(segs[2].lanes).toBe(1);
  });

  it("gives the same ids on every run", () => {
    const a = buildRoadSegments(readOsm(fixture())).map((s) => s.id);
    const b = buildRoadSegments(readOsm(fixture())).map((s) => s.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });
});
