import { afterEach, describe, expect, it } from "vitest";
import type { TUnitStatus } from "@/lib/contracts/events";
import type { TDispatch, TResponderUnit, TUnitAction } from "@/lib/contracts/units";
import type { TLonLat } from "@/lib/geo";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";
import { startSimulatedCrews } from "./simulated-crews";
import { createUnitMotion } from "./unit-motion";

const AT = "2026-11-24T13:00:00.000Z";
/** From the fire station north-west to Main St. */
const FIRE_ROUTE: TLonLat[] = [
  [-85.633, 41.939],
  [-85.634, 41.94],
];
/** From the police station east along Main St. */
const POLICE_ROUTE: TLonLat[] = [
  [-85.636, 41.941],
  [-85.635, 41.94],
  [-85.632, 41.94],
];
/** What the unit's status becomes when the crew takes the action (the rest do not matter here). */
const STATUS_AFTER: Partial<Record<TUnitAction, TUnitStatus>> = { onScene: "onScene", cleared: "returning", available: "available" };

const unitIn = (id: string, status: TUnitStatus) => ({ id, status }) as TResponderUnit;
const dispatchOf = (unitId: string, route: TLonLat[]) =>
  ({ id: `d-${unitId}`, unitId, state: "active", route, distanceM: 500, etaSeconds: 50 }) as TDispatch;

/**
 * The simulator's driver and unit motion, with the unit actions reduced to what they do to the unit's status
 * (the real ones also write it to PostgreSQL, then call motion the same way). The simulator steps 5 s whenever
 * a wait polls, so simulated drives take a few polls.
 */
function simulatedCity(options: { crewed?: string[]; failing?: TUnitAction[] } = {}) {
  const simulator = new CitySimulator(TINY_CITY, { seed: 5, ratePerSecond: 1 }, () => {});
  const motion = createUnitMotion(simulator.units);
  const actions: string[] = [];
  const logged: string[] = [];
  let nowMs = Date.parse(AT);
  const city = {
    simulator,
    motion,
    actions,
    logged,
    act: async (unitId: string, action: TUnitAction) => {
      actions.push(`${unitId} ${action}`);
      if (options.failing?.includes(action)) throw new Error("409: the unit changed meanwhile");
      motion.unitChanged(unitIn(unitId, STATUS_AFTER[action]!), null);
    },
    hasCrew: async (unitId: string) => options.crewed?.includes(unitId) ?? false,
    log: (message: string) => void logged.push(message),
    dispatch(unitId: string, route: TLonLat[]) {
      motion.unitChanged(unitIn(unitId, "dispatched"), dispatchOf(unitId, route));
    },
    /** Waits (simulating on) until `action` was taken for the unit. */
    async until(entry: string) {
      await waitFor(() => {
        for (let i = 0; i < 5; i++) simulator.step((nowMs += 1000), 1000);
        return actions.includes(entry);
      }, entry);
    },
  };
  return city;
}

const running: { stop(): void }[] = [];
afterEach(() => running.splice(0).forEach((crews) => crews.stop()));
const start = (city: ReturnType<typeof simulatedCity>, onSceneSeconds: number) => {
  const crews = startSimulatedCrews({ driver: city.simulator.units, act: city.act, hasCrew: city.hasCrew, onSceneSeconds, log: city.log });
  running.push(crews);
  return crews;
};

describe("simulated crews", () => {
  it("run a crewless unit through the scene and home: on scene, cleared after a while, available at the station", async () => {
    const city = simulatedCity();
    start(city, 0.05);
    city.dispatch("unit-e1", FIRE_ROUTE);
    await city.until("unit-e1 onScene");
    await city.until("unit-e1 cleared");
    await city.until("unit-e1 available");
    expect(city.actions).toEqual(["unit-e1 onScene", "unit-e1 cleared", "unit-e1 available"]);
    expect(city.logged).toEqual([]);
  });

  it("leave a crewed unit's scene to its crew, and make it available when the simulation has brought it home", async () => {
    const city = simulatedCity({ crewed: ["unit-e1"] });
    start(city, 0.05);
    city.dispatch("unit-e1", FIRE_ROUTE);
    city.dispatch("unit-p11", POLICE_ROUTE);
    await city.until("unit-p11 onScene"); // the longer drive: unit-e1 has arrived by now
    expect(city.actions).toEqual(["unit-p11 onScene"]);

    await city.act("unit-e1", "cleared"); // the crew clears on their phone
    await city.until("unit-e1 available");
    expect(city.actions.filter((a) => a.startsWith("unit-e1"))).toEqual(["unit-e1 cleared", "unit-e1 available"]);
  });

  it("log an action the unit no longer allows instead of throwing, and do not clear a scene they could not report", async () => {
    const city = simulatedCity({ failing: ["onScene"] });
    start(city, 0);
    city.dispatch("unit-e1", FIRE_ROUTE);
    city.dispatch("unit-p11", POLICE_ROUTE);
    await city.until("unit-e1 onScene");
    await waitFor(() => city.logged.length > 0, "the failed onScene logged");
    expect(city.logged[0]).toContain("unit-e1");
    // unit-p11 arrives later, and its onScene fails too: by the time it has, unit-e1 would have been cleared long since.
    await city.until("unit-p11 onScene");
    await waitFor(() => city.logged.length > 1, "the second failed onScene logged");
    expect(city.actions).toEqual(["unit-e1 onScene", "unit-p11 onScene"]);
  });

  it("stop: no more actions on arrivals, and a pending clear is dropped", async () => {
    const city = simulatedCity();
    const stopped = start(city, 0.3);
    const control = startSimulatedCrews({
      driver: city.simulator.units,
      act: (unitId, action) => (unitId === "unit-p11" ? city.act(unitId, action) : Promise.resolve()),
      hasCrew: async (unitId) => unitId !== "unit-p11",
      onSceneSeconds: 0.3,
      log: city.log,
    });
    running.push(control);
    city.dispatch("unit-e1", FIRE_ROUTE);
    await city.until("unit-e1 onScene");
    stopped.stop();
    city.dispatch("unit-p11", POLICE_ROUTE);
    await city.until("unit-p11 onScene");
    // Same delay, set later: once the control's clear has fired, the stopped crews' clear would have too.
    await city.until("unit-p11 cleared");
    expect(city.actions).toEqual(["unit-e1 onScene", "unit-p11 onScene", "unit-p11 cleared"]);
  });
});
