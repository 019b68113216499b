import { describe, expect, it } from "vitest";
import type { TStation } from "@/lib/contracts/city-pack";
import { generateUnits } from "./generate-units";

const station = (id: string, type: TStation["type"]): TStation => ({ id, name: id, type, position: [0, 0] });
const stations = [
  station("p", "police"),
  station("f1", "fire"),
  station("f2", "fire"),
  station("m", "ems"),
  station("s", "sanitation"),
  station("u", "utility"),
];

describe("generateUnits", () => {
  it("builds the fleet with unique call signs", () => {
    const units = generateUnits(stations);
    expect(units).toHaveLength(20);
    expect(units.filter((u) => u.type === "police")).toHaveLength(6);
    expect(new Set(units.map((u) => u.callSign)).size).toBe(20);
    expect(units.find((u) => u.callSign === "E-2")).toMatchObject({ id: "unit-e-2", type: "fire" });
  });

  it("spreads units over the stations of their type", () => {
    const fire = generateUnits(stations).filter((u) => u.type === "fire");
    expect(fire.map((u) => u.stationId)).toEqual(["f1", "f2", "f1", "f2"]);
  });

  it("refuses a fleet without a station to go to", () => {
    expect(() => generateUnits(stations.filter((s) => s.type !== "ems"))).toThrow(/ems/);
  });
});

describe("generateUnits with a fleet size (a generated metro)", () => {
  it("numbers call signs per prefix, every fourth fire unit a ladder, spread over the stations", () => {
    const units = generateUnits(stations, { police: 3, fire: 8, ems: 2, sanitation: 1, utility: 1 });
    expect(units).toHaveLength(15);
    expect(units.filter((u) => u.type === "fire").map((u) => u.callSign)).toEqual(["E-1", "E-2", "E-3", "L-1", "E-4", "E-5", "E-6", "L-2"]);
    expect(new Set(units.map((u) => u.id)).size).toBe(15);
    expect(units.filter((u) => u.type === "fire").map((u) => u.stationId)).toEqual(["f1", "f2", "f1", "f2", "f1", "f2", "f1", "f2"]);
  });
});
