import { describe, expect, it } from "vitest";
import { ZCityEvent, type TUnitPosition } from "@/lib/contracts/events";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { CitySimulator } from "./city-simulator";

const START_MS = Date.parse("2026-11-24T13:00:00Z");

/** The simulator stepped a second at a time, with the unit positions it reported. */
function simulate(log: (message: string, error?: unknown) => void = () => {}) {
  const simulator = new CitySimulator(TINY_CITY, { seed: 3, ratePerSecond: 1 }, log);
  let nowMs = START_MS;
  return {
    simulator,
    /** Unit positions reported over the next `seconds`. */
    run(seconds: number): TUnitPosition[] {
      const positions: TUnitPosition[] = [];
      for (let i = 0; i < seconds; i++) {
        nowMs += 1000;
        for (const m of simulator.step(nowMs, 1000)) {
          const event = ZCityEvent.parse(JSON.parse(m.value));
          if (event.type === "UnitPosition") positions.push(event);
        }
      }
      return positions;
    },
  };
}

describe("the simulator's unit driver", () => {
  it("drives a unit by id: its UnitPosition events move along the route with the status given", () => {
    const { simulator, run } = simulate();
    simulator.units.drive(
      "unit-e1",
      [
        [-85.633, 41.939],
        [-85.633, 41.944],
      ],
      { speedKmh: 54, status: "dispatched" },
    );
    const fire = run(20).filter((e) => e.entityId === "unit-e1");
    expect(fire).toHaveLength(20);
    expect(fire.every((e) => e.status === "dispatched" && e.speed === 54)).toBe(true);
    expect(fire.at(-1)!.location[1]).toBeGreaterThan(fire[0].location[1] + 0.002);
    expect(fire.at(-1)!.heading === 0 || fire.at(-1)!.heading === 360).toBe(true);
  });

  it("tells arrival listeners after the step, once, and lets them drive the unit again", () => {
    const { simulator, run } = simulate();
    const arrivals: string[] = [];
    simulator.units.onArrival((unitId, at) => {
      arrivals.push(`${unitId} ${at}`);
      if (at === "scene") simulator.units.returnToStation(unitId, { status: "returning" });
    });
    simulator.units.drive(
      "unit-e1",
      [
        [-85.633, 41.939],
        [-85.633, 41.941],
      ],
      { speedKmh: 36, status: "enRoute" },
    );
    const fire = run(120).filter((e) => e.entityId === "unit-e1");
    expect(arrivals).toEqual(["unit-e1 scene", "unit-e1 station"]);
    expect(fire.some((e) => e.status === "returning" && e.speed > 0)).toBe(true);
    expect(fire.at(-1)).toMatchObject({ location: [-85.633, 41.939], speed: 0, status: "returning" });
  });

  it("logs a listener's error instead of throwing it into the step, and still tells the other listeners", () => {
    const logged: string[] = [];
    const { simulator, run } = simulate((message) => logged.push(message));
    const told: string[] = [];
    simulator.units.onArrival(() => {
      throw new Error("listener bug");
    });
    const unsubscribe = simulator.units.onArrival((unitId, at) => told.push(`${unitId} ${at}`));
    simulator.units.drive(
      "unit-e1",
      [
        [-85.633, 41.939],
        [-85.633, 41.9395],
      ],
      { speedKmh: 36, status: "enRoute" },
    );
    expect(() => run(30)).not.toThrow();
    expect(told).toEqual(["unit-e1 scene"]);
    expect(logged).toEqual([expect.stringContaining("unit-e1")]);

    unsubscribe();
    simulator.units.drive(
      "unit-e1",
      [
        [-85.633, 41.9395],
        [-85.633, 41.94],
      ],
      { speedKmh: 36, status: "enRoute" },
    );
    run(30);
    expect(told).toEqual(["unit-e1 scene"]);
  });

  it("ignores unknown unit ids", () => {
    const { simulator, run } = simulate();
    expect(() => {
      simulator.units.drive(
        "no-such-unit",
        [
          [-85.633, 41.939],
          [-85.633, 41.944],
        ],
        { speedKmh: 50, status: "dispatched" },
      );
      simulator.units.returnToStation("no-such-unit", { status: "returning" });
      simulator.units.setStatus("no-such-unit", "onScene");
      simulator.units.trackedExternally("no-such-unit");
    }).not.toThrow();
    expect(run(2)).toHaveLength(2 * TINY_CITY.units.length);
  });

  it("stops reporting a unit tracked by a real device, and only that unit, until 60 s after the last report", () => {
    const { simulator, run } = simulate();
    const count = (positions: TUnitPosition[], unitId: string) => positions.filter((e) => e.entityId === unitId).length;
    simulator.units.setStatus("unit-p11", "enRoute");
    simulator.units.trackedExternally("unit-p11");
    const whileTracked = run(30);
    simulator.units.trackedExternally("unit-p11");
    const trackedAgain = run(59);
    const afterwards = run(10);
    expect(count(whileTracked, "unit-p11")).toBe(0);
    expect(count(trackedAgain, "unit-p11")).toBe(0);
    expect(count(whileTracked, "unit-e1")).toBe(30);
    expect(count(afterwards, "unit-p11")).toBe(10);
    expect(afterwards.find((e) => e.entityId === "unit-p11")!.status).toBe("enRoute");
  });
});
