import { describe, expect, it } from "vitest";
import type { LiveCityStore } from "@/components/live/live-city-store";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TLayer } from "@/lib/contracts/layers";
import { describeEntity } from "./describe-entity";

const at = "2026-05-01T10:00:00.000Z";
const base = { observedAt: at };
const index = {
  segments: new Map([
    [
      "s1",
      {
        id: "s1",
        name: "Main St",
        roadClass: "primary",
        freeFlowKmh: 50,
        capacityVph: 1200,
        coords: [
          [0, 0],
          [0, 1],
        ],
      },
    ],
  ]),
  parking: new Map([["p1", { id: "p1", name: "Depot Lot", capacity: 200, position: [0, 0] }]]),
  bins: new Map([["b1", { id: "b1", street: "Elm St", volumeL: 240, position: [0, 0] }]]),
  substations: new Map([["e1", { id: "e1", name: "North", capacityKw: 5000, voltageV: 11000, position: [0, 0] }]]),
  feeders: new Map(),
  stations: new Map([["st1", { id: "st1", name: "Central", position: [0, 0] }]]),
  units: new Map([["u1", { id: "u1", callSign: "Engine 1", type: "fire", stationId: "st1" }]]),
} as unknown as TEntityIndex;
const events: Record<TLayer, Record<string, TCityEvent>> = {
  traffic: {
    s1: {
      ...base,
      id: "t",
      entityId: "s1",
      type: "TrafficFlowObserved",
      intensity: 900,
      averageVehicleSpeed: 20,
      occupancy: 0.3,
      congested: true,
    },
  },
  parking: { p1: { ...base, id: "p", entityId: "p1", type: "OffStreetParking", availableSpotNumber: 10, totalSpotNumber: 200 } },
  waste: { b1: { ...base, id: "w", entityId: "b1", type: "WasteContainer", fillingLevel: 0.9, status: "lidOpen", temperature: 21 } },
  energy: {
    e1: {
      ...base,
      id: "e",
      entityId: "e1",
      type: "EnergyMeasurement",
      assetKind: "substation",
      activePower: 4500,
      capacity: 5000,
      voltage: 11000,
      frequency: 50,
    },
  },
  units: {
    u1: { ...base, id: "u", entityId: "u1", type: "UnitPosition", location: [0, 0], heading: 90, speed: 40, status: "enRoute" },
  },
};
const store = { get: (layer: TLayer, id: string) => events[layer][id] } as unknown as LiveCityStore;
const rows = (kind: Parameters<typeof describeEntity>[0]["kind"], id: string) =>
  describeEntity({ kind, id }, index, store)?.rows.map((r) => [r.label, r.value, r.tone]);

describe("describeEntity", () => {
  it("titles each built-in entity by the kind its domain's file names, over the name people use", () => {
    const titled = (kind: Parameters<typeof describeEntity>[0]["kind"], id: string) => {
      const description = describeEntity({ kind, id }, index, store);
      return [description?.kindLabel, description?.title];
    };
    expect(titled("segment", "s1")).toEqual(["Road · primary", "Main St"]);
    expect(titled("parking", "p1")).toEqual(["Off-street parking", "Depot Lot"]);
    expect(titled("bin", "b1")).toEqual(["Waste container", "Elm St"]);
    expect(titled("substation", "e1")).toEqual(["Substation", "North"]);
    expect(titled("unit", "u1")).toEqual(["Fire unit", "Engine 1"]);
    expect(describeEntity({ kind: "feeder", id: "e1" }, index, store)).toBeNull();
  });

  it("shows each built-in entity's live rows under the labels and in the order of its domain's file", () => {
    expect(rows("segment", "s1")).toEqual([
      ["Speed", "20 km/h", "alert"],
      ["Volume", "900 veh/h", undefined],
      ["Occupancy", "30 %", undefined],
      ["Congested", "Yes", "alert"],
    ]);
    expect(rows("parking", "p1")).toEqual([
      ["Free spaces", "10 of 200", undefined],
      ["Occupancy", "95 %", "warn"],
    ]);
    expect(rows("bin", "b1")).toEqual([
      ["Fill level", "90 %", "warn"],
      ["Status", "Lid open", "warn"],
      ["Temperature", "21 °C", undefined],
    ]);
    expect(rows("substation", "e1")?.map(([label]) => label)).toEqual(["Load", "Voltage", "Frequency"]);
    expect(rows("unit", "u1")).toEqual([
      ["Status", "En route", "warn"],
      ["Speed", "40 km/h", undefined],
      ["Heading", "90°", undefined],
    ]);
  });
});
