import { describe, expect, it } from "vitest";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { INCIDENT_TYPES } from "@/lib/contracts/incidents";
import type { TResponderUnit } from "@/lib/contracts/units";
import { haversineM, type TLonLat } from "@/lib/geo";
import { loadCityPack } from "@/server/city/load-city-pack";
import { recommendUnits } from "./recommend-units";
import { createRoutePlanner } from "@/server/city/road-graph";
import { DEFAULT_ACK_WITHIN_SECONDS, runCardFor } from "./run-cards";

const T0 = "2026-01-01T00:00:00.000Z";
function unit(id: string, type: TResponderUnit["type"], status: TResponderUnit["status"] = "available"): TResponderUnit {
  return {
    id,
    callSign: id.toUpperCase(),
    type,
    stationId: `station-${type}`,
    capabilities: [],
    crew: [],
    status,
    statusSince: T0,
    lastContactAt: T0,
    incidentId: null,
    needsBackup: false,
    outOfServiceReason: null,
    version: 0,
  };
}

// A straight road of five nodes, 0.005° apart (≈ 414 m); the incident is at its west end.
const node = (i: number): TLonLat => [-85.64 + i * 0.005, 41.94];
const LINE: TRoadSegment[] = [0, 1, 2, 3].map((i) => ({
  id: `s${i}`,
  roadClass: "primary",
  from: `n${i}`,
  to: `n${i + 1}`,
  oneway: false,
  lanes: 2,
  freeFlowKmh: 50,
  capacityVph: 1800,
  lengthM: Math.round(haversineM(node(i), node(i + 1))),
  coords: [node(i), node(i + 1)],
}));
const INCIDENT = { id: "inc-1", location: node(0) };

describe("run cards", () => {
  it("asks for the units each incident type needs by default", () => {
    expect(runCardFor("fire")).toEqual({ incidentType: "fire", units: { fire: 2, ems: 1 }, ackWithinSeconds: 60 });
    expect(runCardFor("illegalDumping").ackWithinSeconds).toBe(DEFAULT_ACK_WITHIN_SECONDS);
    expect(runCardFor("trafficCollision").units).toEqual({ police: 1, ems: 1 });
    expect(runCardFor("publicDisturbance").units).toEqual({ police: 2 });
    expect(runCardFor("wasteFire").units).toEqual({ fire: 1, sanitation: 1 });
    for (const type of INCIDENT_TYPES) expect(Object.keys(runCardFor(type).units).length, type).toBeGreaterThan(0);
  });
});

describe("unit recommendation", () => {
  const planner = createRoutePlanner(LINE, () => undefined);

  it("ranks by travel time, pre-selects the run card's fastest of each type and reports the shortfall", () => {
    const positions: Record<string, TLonLat> = { e1: node(3), e2: node(1), e3: node(4), m1: node(2), p1: node(1) };
    const units = [unit("e1", "fire"), unit("e2", "fire"), unit("e3", "fire", "returning"), unit("m1", "ems"), unit("p1", "police")];
    const result = recommendUnits({ incident: { ...INCIDENT, type: "fire" }, units, positions: (id) => positions[id] ?? null, planner });
    expect(result.runCard).toEqual({ incidentType: "fire", units: { fire: 2, ems: 1 }, ackWithinSeconds: 60 });
    expect(result.units.map((u) => [u.unitId, u.suggested])).toEqual([
      ["e2", true],
      ["m1", true],
      ["e1", true],
      ["e3", false],
    ]);
    const etas = result.units.map((u) => u.etaSeconds);
    expect(etas).toEqual([...etas].sort((a, b) => a - b));
    expect(result.units[0].route[0]).toEqual(node(1));
    expect(result.units[0].route.at(-1)).toEqual(node(0));
    expect(result.shortfall).toEqual({});

    const fewer = recommendUnits({
      incident: { ...INCIDENT, type: "fire" },
      units: [unit("e1", "fire")],
      positions: (id) => positions[id] ?? null,
      planner,
    });
    expect(fewer.units.map((u) => u.unitId)).toEqual(["e1"]);
    expect(fewer.shortfall).toEqual({ fire: 1, ems: 1 });
  });

  it("counts units already on the incident towards the run card: a second look suggests only what is missing", () => {
    const positions: Record<string, TLonLat> = { e1: node(3), e2: node(1), m1: node(2), m2: node(4) };
    const onIt = { ...unit("e1", "fire", "enRoute"), incidentId: INCIDENT.id };
    const units = [onIt, unit("e2", "fire"), unit("m1", "ems"), unit("m2", "ems")];
    const result = recommendUnits({ incident: { ...INCIDENT, type: "fire" }, units, positions: (id) => positions[id] ?? null, planner });
    expect(
      result.units
        .filter((u) => u.suggested)
        .map((u) => u.unitId)
        .sort(),
    ).toEqual(["e2", "m1"]);
    expect(result.shortfall).toEqual({});
  });

  it("offers only dispatchable units of the run card's types that can reach the incident", () => {
    const units = [
      unit("p1", "police", "dispatched"),
      unit("p2", "police", "enRoute"),
      unit("p3", "police", "onScene"),
      unit("p4", "police", "outOfService"),
      unit("p5", "police", "returning"),
      unit("p6", "police"),
      unit("p7", "police"), // far off the road network
      unit("p8", "police"), // position unknown
      unit("m1", "ems"), // not on a traffic-jam run card
    ];
    const positions = (id: string): TLonLat | null => (id === "p8" ? null : id === "p7" ? [-85.2, 41.94] : node(2));
    const result = recommendUnits({ incident: { ...INCIDENT, type: "publicDisturbance" }, units, positions, planner });
    expect(result.units.map((u) => u.unitId).sort()).toEqual(["p5", "p6"]);
    expect(result.units.every((u) => u.suggested)).toBe(true);
    expect(result.shortfall).toEqual({});
    expect(
      recommendUnits({ incident: { ...INCIDENT, type: "trafficJam" }, units, positions, planner }).units.map((u) => u.type),
    ).not.toContain("ems");
  });

  it("routes only the nearest units of each type when there are many (a metro's fleet)", () => {
    const police = Array.from({ length: 30 }, (_, i) => unit(`p${i}`, "police"));
    // p0 stands farthest east, p29 nearest the incident at the west end.
    const positions = (id: string): TLonLat => [node(4)[0] - Number(id.slice(1)) * 0.0006, node(4)[1]];
    const routed: TLonLat[] = [];
    const counting = { planRoute: (from: TLonLat, to: TLonLat) => (routed.push(from), planner.planRoute(from, to)) };
    const result = recommendUnits({ incident: { ...INCIDENT, type: "publicDisturbance" }, units: police, positions, planner: counting });
    // Two police asked for: only the 8 nearest as the crow flies are routed, and two of them suggested.
    expect(routed).toHaveLength(8);
    expect(result.units.map((u) => u.unitId).sort()).toEqual(["p22", "p23", "p24", "p25", "p26", "p27", "p28", "p29"]);
    expect(result.units.filter((u) => u.suggested)).toHaveLength(2);
  });

  it("on the Three Rivers pack: a jam on the fastest unit's route changes the ranking", async () => {
    const { entities } = await loadCityPack("three-rivers");
    const station = (type: string) => entities.stations.find((s) => s.type === type)!.position;
    const speeds = new Map<string, number>();
    const packPlanner = createRoutePlanner(entities.segments, (id) => speeds.get(id));
    // Two patrol cars, one at the police station and one by the ambulance station; the call is between them.
    const positions: Record<string, TLonLat> = { "unit-p-11": station("police"), "unit-p-12": station("ems") };
    const incident = {
      id: "inc-2",
      type: "trafficJam" as const,
      location: [
        (positions["unit-p-11"][0] + positions["unit-p-12"][0]) / 2 + 0.001,
        (positions["unit-p-11"][1] + positions["unit-p-12"][1]) / 2,
      ] as TLonLat,
    };
    const units = [unit("unit-p-11", "police"), unit("unit-p-12", "police")];
    const recommend = () => recommendUnits({ incident, units, positions: (id) => positions[id] ?? null, planner: packPlanner });

    const before = recommend();
    expect(before.units).toHaveLength(2);
    const [fastest, second] = before.units;
    expect(fastest.suggested).toBe(true);
    expect(second.suggested).toBe(false);

    // Stand traffic still on every segment of the fastest unit's route.
    const onRoute = new Set(fastest.route.map((c) => c.join(",")));
    for (const s of entities.segments)
      if (onRoute.has(s.coords[0].join(",")) && onRoute.has(s.coords.at(-1)!.join(","))) speeds.set(s.id, 2);
    expect(speeds.size).toBeGreaterThan(0);

    const after = recommend();
    expect(after.units.map((u) => u.unitId)).toEqual([second.unitId, fastest.unitId]);
    expect(after.units[0].suggested).toBe(true);
    const rerouted = after.units.find((u) => u.unitId === fastest.unitId)!;
    expect(rerouted.etaSeconds).toBeGreaterThan(fastest.etaSeconds);
  });

  it("on the Three Rivers pack: a building fire gets the two fastest fire units and an ambulance", async () => {
    const { entities } = await loadCityPack("three-rivers");
    const planner3 = createRoutePlanner(entities.segments, () => undefined);
    const stationOf = new Map(entities.stations.map((s) => [s.id, s.position]));
    const units = entities.units.map((u) => ({ ...unit(u.id, u.type), callSign: u.callSign, stationId: u.stationId }));
    const positions = (id: string) => stationOf.get(units.find((u) => u.id === id)!.stationId) ?? null;
    const result = recommendUnits({
      incident: { id: "inc-3", type: "fire", location: entities.bins[0].position },
      units,
      positions,
      planner: planner3,
    });
    const suggested = result.units.filter((u) => u.suggested);
    expect(suggested.map((u) => u.type).sort()).toEqual(["ems", "fire", "fire"]);
    expect(result.units.map((u) => u.type).every((t) => t === "fire" || t === "ems")).toBe(true);
    expect(result.units).toHaveLength(entities.units.filter((u) => u.type === "fire" || u.type === "ems").length);
    expect(result.shortfall).toEqual({});
  });

  it("pre-selects units at home in the incident's fire area or beat before faster ones, topping up with the fastest others", () => {
    const positions: Record<string, TLonLat> = { e1: node(1), e2: node(3), e3: node(2), p1: node(1), p2: node(4) };
    const units = [unit("e1", "fire"), unit("e2", "fire"), unit("e3", "fire"), unit("p1", "police"), unit("p2", "police")];
    const homes: Record<string, string> = { e2: "Fire area West", e3: "Fire area East", p2: "Beat 4" };
    const responseAreas = {
      incident: { fire: "Fire area West", police: "Beat 1" },
      homeOf: (u: { stationId: string }) => homes[u.stationId],
    };
    // The fixture's stations are per type: give each unit a station of its own, named by its id.
    const own = units.map((u) => ({ ...u, stationId: u.id }));
    const recommend = (type: "hazard" | "fire") =>
      recommendUnits({ incident: { ...INCIDENT, type }, units: own, positions: (id) => positions[id] ?? null, planner, responseAreas });

    const hazard = recommend("hazard");
    // Shown fastest first as ever; the slower home engine is the one suggested. No patrol car is at home in Beat 1.
    expect(hazard.units.map((u) => [u.unitId, u.suggested, u.homeArea])).toEqual([
      ["e1", false, undefined],
      ["p1", true, undefined],
      ["e3", false, undefined],
      ["e2", true, "Fire area West"],
      ["p2", false, undefined],
    ]);
    // Two engines wanted, one at home: the fastest of the others joins it.
    expect(
      recommend("fire")
        .units.filter((u) => u.suggested && u.type === "fire")
        .map((u) => u.unitId),
    ).toEqual(["e1", "e2"]);
    // Without areas, the fastest as before.
    const plain = recommendUnits({
      incident: { ...INCIDENT, type: "hazard" },
      units: own,
      positions: (id) => positions[id] ?? null,
      planner,
    });
    expect(plain.units.filter((u) => u.suggested).map((u) => u.unitId)).toEqual(["e1", "p1"]);
  });
});
