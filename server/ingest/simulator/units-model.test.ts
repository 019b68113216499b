import { describe, expect, it } from "vitest";
import { haversineM, type TLonLat } from "@/lib/geo";
import { createRandom } from "@/lib/seeded-random";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { UnitsModel, type TArrival } from "./units-model";

const POLICE = 0; // unit-p11, patrols
const FIRE = 1; // unit-e1, stands by at its station
const FIRE_STATION: TLonLat = [-85.633, 41.939];
/** Main St from A to C, due east, 800 m. */
const MAIN_ST: TLonLat[] = [
  [-85.64, 41.94],
  [-85.635, 41.94],
  [-85.63, 41.94],
];

const model = (seed = 1) => new UnitsModel(TINY_CITY.units, TINY_CITY.stations, TINY_CITY.segments, createRandom(seed));

/** Steps a second at a time until something arrives (or gives up after `maxSeconds`), collecting arrivals. */
function stepUntilArrival(units: UnitsModel, maxSeconds: number): { seconds: number; arrivals: TArrival[] } {
  for (let seconds = 1; seconds <= maxSeconds; seconds++) {
    units.step(1000);
    const arrivals = units.takeArrivals();
    if (arrivals.length > 0) return { seconds, arrivals };
  }
  return { seconds: maxSeconds, arrivals: [] };
}

describe("UnitsModel driving", () => {
  it("drives a unit along the route at about the given speed, reporting its status and heading", () => {
    const units = model();
    units.drive(FIRE, MAIN_ST, { speedKmh: 36, status: "dispatched" }); // 10 m/s
    for (let i = 0; i < 20; i++) units.step(1000);
    const reading = units.read(FIRE);
    const travelled = haversineM(MAIN_ST[0], reading.location);
    expect(travelled).toBeGreaterThan(180);
    expect(travelled).toBeLessThan(220);
    expect(reading.location[1]).toBeCloseTo(41.94, 6);
    expect(reading.heading).toBeGreaterThanOrEqual(89);
    expect(reading.heading).toBeLessThanOrEqual(91);
    expect(reading).toMatchObject({ speed: 36, status: "dispatched" });
    expect(units.takeArrivals()).toEqual([]);
  });

  it("stops at the end of the route and arrives at the scene once", () => {
    const units = model();
    units.drive(FIRE, MAIN_ST, { speedKmh: 72, status: "enRoute" }); // 20 m/s over ~830 m
    const { seconds, arrivals } = stepUntilArrival(units, 120);
    expect(arrivals).toEqual([{ index: FIRE, at: "scene" }]);
    expect(seconds).toBeGreaterThan(35);
    expect(seconds).toBeLessThan(50);
    const atScene = units.read(FIRE);
    expect(atScene).toMatchObject({ location: MAIN_ST[2], speed: 0, status: "enRoute" });
    for (let i = 0; i < 30; i++) units.step(1000);
    expect(units.takeArrivals()).toEqual([]);
    expect(units.read(FIRE)).toEqual(atScene);
  });

  it("keeps driving when only the status changes", () => {
    const units = model();
    units.drive(FIRE, MAIN_ST, { speedKmh: 36, status: "dispatched" });
    for (let i = 0; i < 10; i++) units.step(1000);
    const before = haversineM(MAIN_ST[0], units.read(FIRE).location);
    units.setStatus(FIRE, "enRoute");
    for (let i = 0; i < 10; i++) units.step(1000);
    const reading = units.read(FIRE);
    expect(reading.status).toBe("enRoute");
    expect(haversineM(MAIN_ST[0], reading.location)).toBeGreaterThan(before + 80);
  });

  it("reports the status it was given even while standing by", () => {
    const units = model();
    expect(units.read(FIRE).status).toBe("available");
    units.setStatus(FIRE, "outOfService");
    units.step(1000);
    expect(units.read(FIRE)).toMatchObject({ location: FIRE_STATION, speed: 0, status: "outOfService" });
  });

  it("drives back to the station over the roads and arrives there", () => {
    const units = model();
    units.drive(FIRE, MAIN_ST.slice(0, 1).concat([[-85.64, 41.941]]), { speedKmh: 60, status: "dispatched" });
    stepUntilArrival(units, 60);
    units.returnToStation(FIRE, { status: "returning" });
    units.step(1000);
    expect(units.read(FIRE)).toMatchObject({ speed: 40, status: "returning" });
    const { arrivals } = stepUntilArrival(units, 300);
    expect(arrivals).toEqual([{ index: FIRE, at: "station" }]);
    expect(units.read(FIRE)).toMatchObject({ location: FIRE_STATION, speed: 0, status: "returning" });
    for (let i = 0; i < 30; i++) units.step(1000);
    expect(units.read(FIRE).location).toEqual(FIRE_STATION);
    expect(units.takeArrivals()).toEqual([]);
  });

  it("follows the roads home rather than a straight line", () => {
    const units = model();
    // From the south end of Side St the road goes north to Main St; the straight line home never gets that far north.
    units.drive(
      FIRE,
      [
        [-85.6352, 41.9372],
        [-85.635, 41.9371],
      ],
      { speedKmh: 60, status: "dispatched" },
    );
    stepUntilArrival(units, 60);
    units.returnToStation(FIRE, { status: "returning" });
    let northmost = -Infinity;
    for (let i = 0; i < 200 && units.takeArrivals().length === 0; i++) {
      units.step(1000);
      northmost = Math.max(northmost, units.read(FIRE).location[1]);
    }
    expect(units.read(FIRE).location).toEqual(FIRE_STATION);
    expect(northmost).toBeGreaterThan(41.9399);
  });

  it("sends a patrol car back on patrol once it is home", () => {
    const units = model(4);
    units.drive(
      POLICE,
      [
        [-85.636, 41.941],
        [-85.63, 41.94],
      ],
      { speedKmh: 50, status: "dispatched" },
    );
    stepUntilArrival(units, 120);
    units.returnToStation(POLICE, { status: "returning" });
    expect(stepUntilArrival(units, 300).arrivals).toEqual([{ index: POLICE, at: "station" }]);
    units.setStatus(POLICE, "available");
    const home = units.read(POLICE).location;
    for (let i = 0; i < 30; i++) units.step(1000);
    const patrolling = units.read(POLICE);
    expect(patrolling.location).not.toEqual(home);
    expect(patrolling).toMatchObject({ speed: 35, status: "available" });
  });

  it("holds off reporting a unit tracked by a real device for 60 s of simulated time after the last report", () => {
    const units = model();
    units.trackedExternally(POLICE);
    units.step(30_000);
    expect(units.reportsPosition(POLICE)).toBe(false);
    expect(units.reportsPosition(FIRE)).toBe(true);
    units.trackedExternally(POLICE);
    units.step(45_000);
    expect(units.reportsPosition(POLICE)).toBe(false);
    units.step(15_000);
    expect(units.reportsPosition(POLICE)).toBe(true);
  });
});
