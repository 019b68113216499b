import { describe, expect, it } from "vitest";
import { ZCityEvent, layerOf } from "./events";

const at = "2026-11-24T08:00:00.000Z";
const good = {
  traffic: {
    id: "e1",
    entityId: "seg-ab",
    observedAt: at,
    type: "TrafficFlowObserved",
    intensity: 900,
    averageVehicleSpeed: 42.5,
    occupancy: 0.3,
    congested: false,
  },
  parking: { id: "e2", entityId: "parking-1", observedAt: at, type: "OffStreetParking", availableSpotNumber: 10, totalSpotNumber: 120 },
  waste: { id: "e3", entityId: "bin-1", observedAt: at, type: "WasteContainer", fillingLevel: 0.5, status: "burning", temperature: 140 },
  energy: {
    id: "e4",
    entityId: "feeder-1",
    observedAt: at,
    type: "EnergyMeasurement",
    assetKind: "feeder",
    activePower: 2500,
    capacity: 3000,
    voltage: 13100,
    frequency: 60.01,
  },
  units: {
    id: "e5",
    entityId: "unit-p11",
    observedAt: "2026-11-24T03:00:00-05:00",
    type: "UnitPosition",
    location: [-85.63, 41.94],
    heading: 90,
    speed: 35,
    status: "enRoute",
  },
};

describe("city event schemas", () => {
  it.each(Object.entries(good))("accepts a good %s event and maps it to its layer", (layer, event) => {
    const parsed = ZCityEvent.parse(event);
    expect(layerOf(parsed)).toBe(layer);
  });

  it.each([
    ["a fill level above 1", { ...good.waste, fillingLevel: 1.7 }, "fillingLevel"],
    ["an unknown bin status", { ...good.waste, status: "exploded" }, "status"],
    ["more free spots than spots", { ...good.parking, availableSpotNumber: 121 }, "availableSpotNumber"],
    ["a fractional spot count", { ...good.parking, totalSpotNumber: 12.5 }, "totalSpotNumber"],
    ["a negative speed", { ...good.traffic, averageVehicleSpeed: -3 }, "averageVehicleSpeed"],
    ["a non-ISO timestamp", { ...good.traffic, observedAt: "yesterday" }, "observedAt"],
    ["a missing id", { ...good.energy, id: undefined }, "id"],
    ["a latitude out of range", { ...good.units, location: [-85.6, 141.9] }, "location.1"],
    ["an unknown type", { ...good.traffic, type: "FluxCapacitorReading" }, "type"],
  ])("rejects %s", (_name, event, path) => {
    const result = ZCityEvent.safeParse(event);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
