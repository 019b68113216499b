import { describe, expect, it } from "vitest";
import { ZCityEvent, type TCityEvent } from "@/lib/contracts/events";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { CitySimulator, type TSimulatorOptions } from "./city-simulator";

const START_MS = Date.parse("2026-11-24T13:00:00Z"); // 08:00 in Three Rivers: morning rush
const STEP_MS = 1000;

function run(options: TSimulatorOptions, steps: number, startMs = START_MS) {
  const simulator = new CitySimulator(TINY_CITY, options);
  const messages = [];
  for (let i = 1; i <= steps; i++) messages.push(...simulator.step(startMs + i * STEP_MS, STEP_MS));
  return messages;
}
const events = (messages: { value: string }[]) => messages.map((m) => ZCityEvent.parse(JSON.parse(m.value)));

describe("CitySimulator", () => {
  it("is deterministic: the same seed and clock give the same messages", () => {
    const a = run({ seed: 7, ratePerSecond: 20 }, 120);
    const b = run({ seed: 7, ratePerSecond: 20 }, 120);
    expect(a.length).toBeGreaterThan(2000);
    expect(b).toEqual(a);
  });

  it("differs for another seed", () => {
    expect(run({ seed: 8, ratePerSecond: 20 }, 30)).not.toEqual(run({ seed: 7, ratePerSecond: 20 }, 30));
  });

  it("produces valid events at the requested rate, keyed by entity, on each domain's topic", () => {
    const messages = run({ seed: 1, ratePerSecond: 50 }, 60);
    const sensorEvents = events(messages).filter((e) => e.type !== "UnitPosition");
    expect(sensorEvents).toHaveLength(50 * 60);
    for (const m of messages) expect(JSON.parse(m.value).entityId).toBe(m.key);
    expect(new Set(messages.map((m) => m.topic))).toEqual(
      new Set(["city.traffic", "city.parking", "city.waste", "city.energy", "city.units"]),
    );
  });

  it("reports every unit once a second", () => {
    const unitEvents = events(run({ seed: 1, ratePerSecond: 1 }, 10)).filter((e) => e.type === "UnitPosition");
    expect(unitEvents).toHaveLength(10 * TINY_CITY.units.length);
  });

  it("moves the patrolling police car and keeps the fire engine at its station", () => {
    const units = events(run({ seed: 3, ratePerSecond: 1 }, 60)).filter(
      (e): e is Extract<TCityEvent, { type: "UnitPosition" }> => e.type === "UnitPosition",
    );
    const police = units.filter((e) => e.entityId === "unit-p11");
    const fire = units.filter((e) => e.entityId === "unit-e1");
    expect(police.at(-1)!.location).not.toEqual(police[0].location);
    expect(new Set(fire.map((e) => e.location.join(",")))).toEqual(new Set(["-85.633,41.939"]));
  });

  it("is slower in the evening rush than at night", () => {
    const meanSpeed = (startMs: number) => {
      const traffic = events(run({ seed: 5, ratePerSecond: 20 }, 60, startMs)).filter(
        (e) => e.type === "TrafficFlowObserved" && e.entityId === "seg-ab",
      );
      return traffic.reduce((sum, e) => sum + (e as { averageVehicleSpeed: number }).averageVehicleSpeed, 0) / traffic.length;
    };
    const rush = meanSpeed(Date.parse("2026-11-24T22:15:00Z")); // 17:15 local
    const night = meanSpeed(Date.parse("2026-11-24T08:00:00Z")); // 03:00 local
    expect(rush).toBeLessThan(night * 0.95);
  });

  it("sends a share of malformed messages when asked to", () => {
    const messages = run({ seed: 2, ratePerSecond: 100, malformedRatio: 0.1 }, 20);
    const invalid = messages.filter((m) => {
      try {
        return !ZCityEvent.safeParse(JSON.parse(m.value)).success || JSON.parse(m.value).entityId.endsWith("-unregistered");
      } catch {
        return true;
      }
    });
    expect(invalid.length / messages.length).toBeGreaterThan(0.05);
    expect(invalid.length / messages.length).toBeLessThan(0.15);
  });
});
