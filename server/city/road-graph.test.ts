import { describe, expect, it } from "vitest";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { haversineM, type TLonLat } from "@/lib/geo";
import { loadCityPack } from "@/server/city/load-city-pack";
import { createRoutePlanner, MIN_SPEED_KMH } from "./road-graph";

// A hand-made town on a 0.005° grid (≈ 414 m east–west, ≈ 555 m north–south at this latitude).
const LAT = 41.94;
const at = (x: number, y: number): TLonLat => [-85.64 + x * 0.005, LAT + y * 0.005];
const NODES: Record<string, TLonLat> = { W: at(0, 0), X: at(1, 0), E: at(3, 0), N: at(0, 1), M: at(1, 1), S: at(3, -1) };

function road(id: string, from: string, to: string, options: { oneway?: boolean; freeFlowKmh?: number } = {}): TRoadSegment {
  const coords = [NODES[from], NODES[to]];
  return {
    id,
    roadClass: "residential",
    from,
    to,
    oneway: options.oneway ?? false,
    lanes: 1,
    freeFlowKmh: options.freeFlowKmh ?? 50,
    capacityVph: 900,
    lengthM: Math.round(haversineM(coords[0], coords[1])),
    coords,
  };
}

// W–X direct, or around by N and M; X–E direct one-way eastbound; back westward only by S.
const TOWN = [
  road("s-wx", "W", "X"),
  road("s-wn", "W", "N"),
  road("s-nm", "N", "M"),
  road("s-mx", "M", "X"),
  road("s-xe", "X", "E", { oneway: true }),
  road("s-es", "E", "S"),
  road("s-sx", "S", "X"),
];

const near = (p: TLonLat, dx = 0.0002): TLonLat => [p[0] + dx, p[1] + dx];
const passesThrough = (coords: readonly TLonLat[], node: string) => coords.some((c) => c[0] === NODES[node][0] && c[1] === NODES[node][1]);

describe("road routing on a hand-made graph", () => {
  it("takes the direct road at free flow, from the exact start to the exact end", () => {
    const planner = createRoutePlanner(TOWN, () => undefined);
    const from = near(NODES.W);
    const to = near(NODES.X, -0.0001);
    const route = planner.planRoute(from, to)!;
    expect(route.coords[0]).toEqual(from);
    expect(route.coords.at(-1)).toEqual(to);
    expect(route.coords.slice(1, -1)).toEqual([NODES.W, NODES.X]);
    const direct = TOWN[0].lengthM;
    expect(route.distanceM).toBeGreaterThan(direct);
    expect(route.distanceM).toBeLessThan(direct + 60); // the two short hops onto and off the road
    expect(route.etaSeconds).toBeGreaterThan(direct / (50 / 3.6));
    expect(route.etaSeconds).toBeLessThan(direct / (50 / 3.6) + 15);
  });

  it("goes around a jam read at search time, and a jammed street stays passable", () => {
    const speeds = new Map<string, number>();
    const planner = createRoutePlanner(TOWN, (id) => speeds.get(id));
    const free = planner.planRoute(NODES.W, NODES.X)!;
    expect(passesThrough(free.coords, "N")).toBe(false);

    speeds.set("s-wx", 5);
    const detour = planner.planRoute(NODES.W, NODES.X)!;
    expect(passesThrough(detour.coords, "N")).toBe(true);
    expect(passesThrough(detour.coords, "M")).toBe(true);
    expect(detour.distanceM).toBeGreaterThan(free.distanceM);

    // Every way jammed to a standstill: still a route, at the floor speed.
    for (const s of TOWN) speeds.set(s.id, 0);
    const crawl = planner.planRoute(NODES.W, NODES.X)!;
    expect(crawl.coords.slice(1, -1)).toEqual([NODES.W, NODES.X]);
    expect(crawl.etaSeconds).toBeCloseTo(TOWN[0].lengthM / (MIN_SPEED_KMH / 3.6), 0);
  });

  it("respects one-way streets and lays each segment's points in the direction of travel", () => {
    const planner = createRoutePlanner(TOWN, () => undefined);
    const east = planner.planRoute(NODES.X, NODES.E)!;
    expect(east.coords.slice(1, -1)).toEqual([NODES.X, NODES.E]);
    const west = planner.planRoute(NODES.E, NODES.X)!;
    expect(west.coords.slice(1, -1)).toEqual([NODES.E, NODES.S, NODES.X]);
    expect(west.distanceM).toBeGreaterThan(east.distanceM);
  });

  it("has no route for a point far off the network", () => {
    const planner = createRoutePlanner(TOWN, () => undefined);
    expect(planner.planRoute([-85.2, 41.94], NODES.X)).toBeNull();
    expect(planner.planRoute(NODES.X, [-85.64, 42.5])).toBeNull();
  });

  it("of two parallel roads between the same nodes takes the faster one now", () => {
    const slow = { ...road("s-wx-slow", "W", "X"), coords: [NODES.W, at(0.5, 0.2), NODES.X], lengthM: 500, freeFlowKmh: 90 };
    const speeds = new Map<string, number>();
    const planner = createRoutePlanner([road("s-wx", "W", "X", { freeFlowKmh: 30 }), slow], (id) => speeds.get(id));
    expect(planner.planRoute(NODES.W, NODES.X)!.coords).toContainEqual(at(0.5, 0.2));
    speeds.set("s-wx-slow", 10);
    expect(planner.planRoute(NODES.W, NODES.X)!.coords).not.toContainEqual(at(0.5, 0.2));
  });
});

describe("road routing on the Three Rivers pack", () => {
  it("connects every station to every other over the roads", async () => {
    const { entities } = await loadCityPack("three-rivers");
    const planner = createRoutePlanner(entities.segments, () => undefined);
    for (const a of entities.stations) {
      for (const b of entities.stations) {
        const route = planner.planRoute(a.position, b.position);
        expect(route, `${a.id} → ${b.id}`).not.toBeNull();
        expect(route!.coords[0]).toEqual(a.position);
        expect(route!.coords.at(-1)).toEqual(b.position);
        expect(route!.distanceM).toBeGreaterThanOrEqual(haversineM(a.position, b.position) * 0.99);
      }
    }
  });
});
