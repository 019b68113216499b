import { describe, expect, it, vi } from "vitest";
import type { TTrafficFlowObserved, TUnitPosition } from "@/lib/contracts/events";
import { indexTiles } from "@/lib/live/tile-index";
import { tileKeyOf } from "@/lib/live/tiles";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { LiveCityStore } from "./live-city-store";

const flow = (entityId: string, speed: number, observedAt = "2025-01-01T10:00:00Z"): TTrafficFlowObserved => ({
  id: `${entityId}-${observedAt}-${speed}`,
  entityId,
  observedAt,
  type: "TrafficFlowObserved",
  intensity: 400,
  averageVehicleSpeed: speed,
  occupancy: 0.2,
  congested: false,
});

const unit = (entityId: string, lon: number): TUnitPosition => ({
  id: `${entityId}-${lon}`,
  entityId,
  observedAt: "2025-01-01T10:00:00Z",
  type: "UnitPosition",
  location: [lon, 41.9],
  heading: 90,
  speed: 30,
  status: "enRoute",
});

describe("LiveCityStore", () => {
  it("replaces all state from a snapshot and bumps every layer version", () => {
    const store = new LiveCityStore();
    store.applySnapshot({ seq: 1, at: "", layers: { traffic: [flow("s1", 30)], units: [unit("u1", -85.6)] } });
    const before = store.getVersions();
    store.applySnapshot({ seq: 5, at: "", layers: { traffic: [flow("s2", 40)] } });

    expect(store.get("traffic", "s1")).toBeUndefined();
    expect(store.get("traffic", "s2")?.averageVehicleSpeed).toBe(40);
    expect(store.count("units")).toBe(0);
    expect(store.getVersions().parking).toBe(before.parking + 1);
    expect(store.getSnapshotCount()).toBe(2);
    expect(store.seq).toBe(5);
  });

  it("says which entities changed between two versions of a layer, and that everything may have after a snapshot", () => {
    const store = new LiveCityStore();
    store.applySnapshot({ seq: 1, at: "", layers: { traffic: [flow("s1", 30), flow("s2", 30)] } });
    const drawn = store.getVersions().traffic;
    store.applyDelta({ seq: 2, layers: { traffic: [flow("s1", 20, "2025-01-01T10:01:00Z")] } });
    store.applyDelta({ seq: 3, layers: { traffic: [flow("s3", 20, "2025-01-01T10:01:00Z")], units: [unit("u1", -85.6)] } });
    const now = store.getVersions().traffic;

    expect(store.changesOf("traffic").changedBetween(drawn, now)).toEqual(new Set(["s1", "s3"]));
    expect(store.changesOf("traffic").changedBetween(now - 1, now)).toEqual(new Set(["s3"]));
    expect(store.changesOf("parking").changedBetween(store.getVersions().parking, store.getVersions().parking)).toEqual(new Set());
    store.applySnapshot({ seq: 4, at: "", layers: { traffic: [flow("s1", 30)] } });
    expect(store.changesOf("traffic").changedBetween(now, store.getVersions().traffic)).toBeNull();
  });

  it("applies a delta to its layer only and keeps unchanged getters stable", () => {
    const store = new LiveCityStore();
    store.applySnapshot({ seq: 1, at: "", layers: { traffic: [flow("s1", 30)], units: [unit("u1", -85.6)] } });
    const versions = store.getVersions();
    const counts = store.getCounts();

    store.applyDelta({ seq: 2, layers: { units: [unit("u1", -85.5)] } });

    expect(store.get("units", "u1")?.location[0]).toBe(-85.5);
    expect(store.getVersions().units).toBe(versions.units + 1);
    expect(store.getVersions().traffic).toBe(versions.traffic);
    expect(store.getCounts()).toBe(counts); // same entity set: same object for useSyncExternalStore
  });

  it("keeps the newer observation when a stale delta arrives after a snapshot", () => {
    const store = new LiveCityStore();
    store.applySnapshot({ seq: 3, at: "", layers: { traffic: [flow("s1", 50, "2025-01-01T10:00:05Z")] } });
    store.applyDelta({ seq: 3, layers: { traffic: [flow("s1", 10, "2025-01-01T10:00:01Z")] } });
    expect(store.get("traffic", "s1")?.averageVehicleSpeed).toBe(50);
  });

  it("drops events filed under the wrong layer", () => {
    const store = new LiveCityStore();
    // @ts-expect-error deliberately mislabelled payload
    store.applyDelta({ seq: 1, layers: { parking: [flow("s1", 30)] } });
    expect(store.count("parking")).toBe(0);
  });

  it("notifies subscribers on change and not after unsubscribing", () => {
    const store = new LiveCityStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.applyDelta({ seq: 1, layers: { traffic: [flow("s1", 30)] } });
    store.applyDelta({ seq: 2, layers: {} });
    unsubscribe();
    store.applyDelta({ seq: 3, layers: { traffic: [flow("s1", 20, "2025-01-01T10:00:09Z")] } });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("LiveCityStore: views", () => {
  // Two segments ~15 km apart, so in different tiles.
  const segment = (id: string, lon: number): TRoadSegment => ({
    id,
    roadClass: "residential",
    from: `${id}-a`,
    to: `${id}-b`,
    oneway: false,
    lanes: 1,
    freeFlowKmh: 40,
    capacityVph: 600,
    lengthM: 100,
    coords: [
      [lon, 41.9],
      [lon + 0.001, 41.9],
    ],
  });
  const placement = indexTiles({
    segments: [segment("west", -85.8), segment("east", -85.6)],
    parking: [],
    bins: [],
    substations: [],
    feeders: [],
  });
  const westTile = tileKeyOf([-85.7995, 41.9]);
  const eastTile = tileKeyOf([-85.5995, 41.9]);

  it("merges a partial snapshot, drops what left the view and keeps the units, and offers to resume from its seq", () => {
    const store = new LiveCityStore();
    store.setPlacement(placement);
    store.applySnapshot({
      seq: 4,
      at: "",
      epoch: "e1",
      view: { mode: "tiles", tiles: [westTile] },
      layers: { traffic: [flow("west", 30)], units: [unit("u1", -85.6)] },
    });
    expect(store.resumeRequest()).toEqual({ epoch: "e1", seq: 4, tiles: [westTile] });
    // The map panned east: the answer adds the east tile's segment; the west one left the view.
    store.applySnapshot({
      seq: 6,
      at: "",
      epoch: "e1",
      partial: true,
      view: { mode: "tiles", tiles: [eastTile] },
      layers: { traffic: [flow("east", 20)] },
    });
    expect(store.get("traffic", "west")).toBeUndefined();
    expect(store.get("traffic", "east")?.averageVehicleSpeed).toBe(20);
    expect(store.get("units", "u1")).toBeDefined();
    expect(store.seq).toBe(6);
    expect(store.getCounts().traffic).toBe(1);
  });

  it("holds an overview's summaries, not the tiled layers' entities, until the view leaves the overview", () => {
    const store = new LiveCityStore();
    store.setPlacement(placement);
    store.applySnapshot({
      seq: 1,
      at: "",
      view: { mode: "tiles", tiles: [westTile, eastTile] },
      layers: { traffic: [flow("west", 30), flow("east", 30)] },
    });
    const summaries = {
      at: "",
      tiles: [{ tile: westTile, layers: { traffic: [1, 1, 0, 0, 0] as [number, number, number, number, number] } }],
    };
    store.applySnapshot({ seq: 2, at: "", partial: true, view: { mode: "overview" }, layers: {}, summaries });
    expect(store.count("traffic")).toBe(0);
    expect(store.getSummaries()).toBe(summaries);
    const fresher = { ...summaries, at: "later" };
    store.applySummaries(fresher);
    expect(store.getSummaries()).toBe(fresher);
    store.applySnapshot({
      seq: 3,
      at: "",
      partial: true,
      view: { mode: "tiles", tiles: [eastTile] },
      layers: { traffic: [flow("east", 10)] },
    });
    expect(store.getSummaries()).toBeNull();
    store.applySummaries(summaries); // a late one, after leaving the overview
    expect(store.getSummaries()).toBeNull();
  });

  it("drops a declared domain's sensors on entering an overview and holds their per-tile rows from the summaries instead", () => {
    const sensor = {
      id: "aq-1",
      domain: "air-quality",
      name: "Air sensor on Main St",
      street: "Main St",
      position: [-85.7995, 41.9] as [number, number],
    };
    const store = new LiveCityStore();
    store.setPlacement(
      indexTiles({ segments: [segment("west", -85.8)], parking: [], bins: [], substations: [], feeders: [] }, [
        { definition: { id: "air-quality" }, entities: [sensor] },
      ]),
    );
    const reading = { id: "r1", entityId: "aq-1", observedAt: "2026-12-04T08:00:00Z", type: "AirQualityObserved", pm25: 50 };
    store.applySnapshot({ seq: 1, at: "", view: { mode: "tiles", tiles: [westTile] }, layers: {}, declared: { "air-quality": [reading] } });
    expect(store.countDeclared("air-quality")).toBe(1);
    const summaries = {
      at: "",
      tiles: [{ tile: westTile, layers: {}, declared: { "air-quality": [1, 0, 0, 1, 0] as [number, number, number, number, number] } }],
    };
    store.applySnapshot({
      seq: 2,
      at: "",
      partial: true,
      view: { mode: "overview" },
      layers: {},
      declared: { "air-quality": [] },
      summaries,
    });
    expect(store.countDeclared("air-quality")).toBe(0);
    expect(store.getSummaries()?.tiles[0]?.declared).toEqual({ "air-quality": [1, 0, 0, 1, 0] });
  });
});

describe("LiveCityStore: declared domains", () => {
  const reading = (entityId: string, observedAt: string, pm25: number) => ({
    id: `${entityId}@${observedAt}`,
    entityId,
    observedAt,
    type: "AirQualityObserved",
    pm25,
  });

  it("takes declared sensors from snapshots and deltas, newest observation per sensor, with a version per domain", () => {
    const store = new LiveCityStore();
    store.applySnapshot({
      seq: 1,
      at: "2026-12-03T00:00:00Z",
      layers: {},
      declared: { "air-quality": [reading("aq-1", "2026-12-03T00:00:00Z", 10)] },
    });
    expect(store.getDeclared("air-quality", "aq-1")?.pm25).toBe(10);
    const before = store.getDeclaredVersions()["air-quality"]!;
    store.applyDelta({
      seq: 2,
      layers: {},
      declared: { "air-quality": [reading("aq-1", "2026-12-03T00:01:00Z", 20), reading("aq-2", "2026-12-03T00:01:00Z", 5)] },
    });
    expect(store.getDeclared("air-quality", "aq-1")?.pm25).toBe(20);
    expect(store.countDeclared("air-quality")).toBe(2);
    expect(store.getDeclaredVersions()["air-quality"]).toBe(before + 1);
    // A late delta never overwrites a newer reading.
    store.applyDelta({ seq: 3, layers: {}, declared: { "air-quality": [reading("aq-1", "2026-12-03T00:00:30Z", 99)] } });
    expect(store.getDeclared("air-quality", "aq-1")?.pm25).toBe(20);
    // A snapshot without the domain (switched off) empties it.
    store.applySnapshot({ seq: 4, at: "2026-12-03T00:02:00Z", layers: {} });
    expect(store.countDeclared("air-quality")).toBe(0);
  });

  it("logs which sensors each domain version changed, and keeps a domain's versions growing across snapshots", () => {
    const store = new LiveCityStore();
    const changes = store.declaredChangesOf("air-quality");
    const version = () => store.getDeclaredVersions()["air-quality"]!;
    store.applySnapshot({ seq: 1, at: "", layers: {}, declared: { "air-quality": [reading("aq-1", "2026-12-03T00:00:00Z", 10)] } });
    const drawn = version();
    store.applyDelta({ seq: 2, layers: {}, declared: { "air-quality": [reading("aq-2", "2026-12-03T00:01:00Z", 5)] } });
    // aq-1's reading is older than the one held: not a change.
    store.applyDelta({
      seq: 3,
      layers: {},
      declared: { "air-quality": [reading("aq-1", "2026-11-03T00:00:00Z", 99), reading("aq-3", "2026-12-03T00:01:00Z", 5)] },
    });
    expect(changes.changedBetween(drawn, version())).toEqual(new Set(["aq-2", "aq-3"]));
    expect(changes.changedBetween(version() - 1, version())).toEqual(new Set(["aq-3"]));

    const beforeSwitchOff = version();
    store.applySnapshot({ seq: 4, at: "", layers: {} });
    expect(version()).toBeGreaterThan(beforeSwitchOff);
    expect(changes.changedBetween(beforeSwitchOff, version())).toBeNull();
    store.applySnapshot({ seq: 5, at: "", layers: {}, declared: { "air-quality": [] } });
    expect(version()).toBeGreaterThan(beforeSwitchOff + 1);
    expect(store.declaredChangesOf("air-quality")).toBe(changes);
  });
});
