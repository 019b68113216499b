import { describe, expect, it } from "vitest";
import type { TTrafficFlowObserved, TUnitPosition } from "@/lib/contracts/events";
import { CorruptColumnsError, encodeColumnarDelta } from "@/lib/wire/columnar-delta";
import { entitySlotsOf } from "@/lib/wire/entity-slots";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { LiveCityStore } from "./live-city-store";

const slots = entitySlotsOf(TINY_CITY);
const flow = (entityId: string, speed: number, observedAt: string): TTrafficFlowObserved => ({
  id: `sim-1-${speed}`,
  entityId,
  observedAt,
  type: "TrafficFlowObserved",
  intensity: 400,
  averageVehicleSpeed: speed,
  occupancy: 0.2,
  congested: false,
});
const unit: TUnitPosition = {
  id: "u-1",
  entityId: TINY_CITY.units[0].id,
  observedAt: "2025-01-01T10:00:00.000Z",
  type: "UnitPosition",
  location: [-85.6, 41.9],
  heading: 90,
  speed: 30,
  status: "enRoute",
};

describe("LiveCityStore, columnar deltas", () => {
  it("applies columns like the same delta as JSON: newest observation wins, only changed layers bump", () => {
    const [a, b] = TINY_CITY.segments;
    const store = new LiveCityStore();
    store.applySnapshot({ seq: 1, at: "", layers: { traffic: [flow(a.id, 30, "2025-01-01T10:00:05.000Z")] } });
    const before = store.getVersions();
    const delta = encodeColumnarDelta(
      2,
      { traffic: [flow(a.id, 10, "2025-01-01T10:00:00.000Z"), flow(b.id, 45, "2025-01-01T10:00:06.000Z")], units: [unit] },
      slots,
    );
    store.applyColumns(delta, slots);

    expect(store.get("traffic", a.id)?.averageVehicleSpeed).toBe(30); // older than what it held
    expect(store.get("traffic", b.id)).toEqual(flow(b.id, 45, "2025-01-01T10:00:06.000Z"));
    expect(store.get("units", unit.entityId)).toEqual(unit);
    expect(store.getVersions().traffic).toBe(before.traffic + 1);
    expect(store.getVersions().parking).toBe(before.parking);
    expect(store.seq).toBe(2);
  });

  it("applies nothing of columns that do not make sense", () => {
    const store = new LiveCityStore();
    const delta = encodeColumnarDelta(3, { units: [unit] }, slots);
    const before = store.getVersions();
    expect(() => store.applyColumns({ ...delta, counts: { units: 5 } }, slots)).toThrow(CorruptColumnsError);
    expect(store.getVersions()).toBe(before);
    expect(store.seq).toBe(-1);
  });
});
