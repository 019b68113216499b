import { describe, expect, it } from "vitest";
import type { TDomainEntity } from "@/lib/contracts/domain-definition";
import { indexTiles } from "@/lib/live/tile-index";
import { tileKeyOf } from "@/lib/live/tiles";
import { CityState } from "@/server/city/city-state";
import { ChangeLog, collectTiled, emptyContents, isDeclaredInView } from "./view-contents";

const sensor = (id: string, lon: number): TDomainEntity => ({
  id,
  domain: "water-network",
  name: id,
  street: "Main St",
  position: [lon, 41.94],
});
const SENSORS = [sensor("wm-west", -85.75), sensor("wm-east", -85.6)];
const index = indexTiles({ segments: [], parking: [], bins: [], substations: [], feeders: [] }, [
  { definition: { id: "water-network" }, entities: SENSORS },
]);
const westTile = tileKeyOf([-85.75, 41.94]);
const reading = (entityId: string, pressure: number) => ({
  id: `${entityId}-${pressure}`,
  entityId,
  observedAt: "2026-11-24T08:00:00Z",
  type: "WaterObserved",
  pressure,
  flow: 60,
});

describe("view contents: declared domains", () => {
  const cityState = new CityState();
  for (const s of SENSORS) cityState.applyDeclared("water-network", reading(s.id, 3.5));
  const request = { cityState, index, log: new ChangeLog(), layers: new Set<never>(), domains: new Set(["water-network"]) };

  it("collects the sensors of the tiles asked for, or of the whole city", () => {
    const tiles = emptyContents();
    collectTiled(tiles, [westTile], request);
    expect(tiles.declared["water-network"]?.map((e) => e.entityId)).toEqual(["wm-west"]);
    const city = emptyContents();
    collectTiled(city, "city", request);
    expect(city.declared["water-network"]?.map((e) => e.entityId).sort()).toEqual(["wm-east", "wm-west"]);
    const unsubscribed = emptyContents();
    collectTiled(unsubscribed, [westTile], { ...request, domains: new Set() });
    expect(unsubscribed.declared).toEqual({});
  });

  it("shows a sensor in a view of its tile, in a whole-city view, and never in an overview", () => {
    const tiles = new Set([westTile]);
    expect(isDeclaredInView({ mode: "tiles", tiles: [westTile] }, tiles, index, "water-network", "wm-west")).toBe(true);
    expect(isDeclaredInView({ mode: "tiles", tiles: [westTile] }, tiles, index, "water-network", "wm-east")).toBe(false);
    expect(isDeclaredInView({ mode: "city" }, new Set(), index, "water-network", "wm-east")).toBe(true);
    expect(isDeclaredInView({ mode: "overview" }, new Set(), index, "water-network", "wm-west")).toBe(false);
  });

  it("collects only what changed since a seq when resuming", () => {
    const log = new ChangeLog();
    log.recordDeclared("water-network", "wm-west", 3);
    const since = emptyContents();
    collectTiled(since, "city", { ...request, log, sinceSeq: 3 });
    expect(since.declared["water-network"]?.map((e) => e.entityId)).toEqual(["wm-west"]);
  });
});
