import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TTrafficFlowObserved, TUnitPosition } from "@/lib/contracts/events";
import { LAYERS } from "@/lib/contracts/layers";
import type { TCitySnapshot, TLayerEvents, TLiveView } from "@/lib/contracts/realtime";
import { CorruptColumnsError, encodeColumnarDelta } from "@/lib/wire/columnar-delta";
import { encodeColumnarSnapshot } from "@/lib/wire/columnar-snapshot";
import { entitySlotsOf } from "@/lib/wire/entity-slots";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { jsonNumber, slots as arbitrarySlots, snapshotLayersOf } from "@/test/fixtures/wire-arbitraries";
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

/** All a store holds that a map or a resume reads: every entity either snapshot named, versions, counts, view, seq. */
function stateOf(store: LiveCityStore, ...sent: TLayerEvents[]) {
  const entities = LAYERS.map((layer) => {
    const ids = [...new Set(sent.flatMap((layers) => (layers[layer] ?? []).map((event) => event.entityId)))].sort();
    return ids.map((id) => [layer, id, store.get(layer, id)]);
  });
  return {
    entities,
    counts: store.getCounts(),
    versions: store.getVersions(),
    seq: store.seq,
    view: store.getView(),
    summaries: store.getSummaries(),
    resume: store.resumeRequest(),
    snapshots: store.getSnapshotCount(),
  };
}

describe("LiveCityStore, columnar snapshots", () => {
  it("ends in the same state from a snapshot as columns as from the same snapshot as JSON, whole or partial, over any earlier state", () => {
    const views: TLiveView[] = [{ mode: "city" }, { mode: "tiles", tiles: ["4370/6062"] }, { mode: "overview" }];
    fc.assert(
      fc.property(
        snapshotLayersOf(jsonNumber),
        snapshotLayersOf(jsonNumber),
        fc.boolean(),
        fc.constantFrom(...views),
        (before, layers, partial, view) => {
          const json = new LiveCityStore();
          const columnar = new LiveCityStore();
          for (const store of [json, columnar]) store.applySnapshot(structuredClone({ seq: 1, at: "", layers: before, epoch: "e1" }));
          const snapshot: TCitySnapshot = { seq: 2, at: "", layers, epoch: "e1", view, ...(partial ? { partial: true } : {}) };
          json.applySnapshot(JSON.parse(JSON.stringify(snapshot)));
          columnar.applyColumnarSnapshot(encodeColumnarSnapshot(snapshot, arbitrarySlots), arbitrarySlots);
          expect(stateOf(columnar, before, layers)).toEqual(stateOf(json, before, layers));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("applies nothing of a columnar snapshot that does not make sense", () => {
    const store = new LiveCityStore();
    store.applySnapshot({ seq: 1, at: "", layers: { units: [unit] } });
    const before = store.getVersions();
    const snapshot = encodeColumnarSnapshot({ seq: 2, at: "", layers: {} }, slots);
    expect(() => store.applyColumnarSnapshot({ ...snapshot, counts: { traffic: 3 } }, slots)).toThrow(CorruptColumnsError);
    expect(store.getVersions()).toBe(before);
    expect(store.get("units", unit.entityId)).toEqual(unit);
    expect(store.seq).toBe(1);
  });
});
