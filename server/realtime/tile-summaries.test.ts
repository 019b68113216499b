import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import { indexTiles, TILED_LAYERS } from "@/lib/live/tile-index";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { TileSummaries } from "./tile-summaries";

const freeFlow = new Map(TINY_CITY.segments.map((s) => [s.id, s.freeFlowKmh]));
const summariesOf = () => new TileSummaries(indexTiles(TINY_CITY), (id) => freeFlow.get(id));
const at = (second: number) => new Date(Date.UTC(2026, 10, 24, 8, 0, second)).toISOString();

/** A reading of one of the tiny city's tiled entities, anywhere on its scale. */
const reading: fc.Arbitrary<TCityEvent> = fc.oneof(
  fc
    .record({
      entityId: fc.constantFrom(...TINY_CITY.segments.map((s) => s.id)),
      speed: fc.double({ min: 0, max: 80, noNaN: true }),
    })
    .map(({ entityId, speed }) => ({
      id: `t-${entityId}`,
      entityId,
      observedAt: at(0),
      type: "TrafficFlowObserved" as const,
      intensity: 300,
      averageVehicleSpeed: speed,
      occupancy: 0.2,
      congested: false,
    })),
  fc
    .record({
      entityId: fc.constantFrom(...TINY_CITY.bins.map((b) => b.id)),
      fill: fc.double({ min: 0, max: 1, noNaN: true }),
      status: fc.constantFrom("ok", "lidOpen", "burning", "vandalised" as const),
    })
    .map(({ entityId, fill, status }) => ({
      id: `w-${entityId}`,
      entityId,
      observedAt: at(0),
      type: "WasteContainer" as const,
      fillingLevel: fill,
      status,
      temperature: 9,
    })),
  fc.integer({ min: 0, max: 120 }).map((available) => ({
    id: `p-${available}`,
    entityId: "parking-1",
    observedAt: at(0),
    type: "OffStreetParking" as const,
    availableSpotNumber: available,
    totalSpotNumber: 120,
  })),
);

const layerOfReading = (event: TCityEvent) =>
  event.type === "TrafficFlowObserved" ? "traffic" : event.type === "WasteContainer" ? "waste" : "parking";

describe("per-tile summaries", () => {
  it("counts every entity in exactly one tile, and each latest reading at exactly one level", () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 40 }), (events) => {
        const summaries = summariesOf();
        for (const event of events) summaries.apply(layerOfReading(event), event);
        const tiles = summaries.read().tiles;
        const entities = { traffic: TINY_CITY.segments.length, parking: 1, waste: TINY_CITY.bins.length, energy: 2 };
        const reporting = { traffic: new Set<string>(), parking: new Set<string>(), waste: new Set<string>(), energy: new Set<string>() };
        for (const event of events) reporting[layerOfReading(event)].add(event.entityId);
        for (const layer of TILED_LAYERS) {
          const counts = tiles.flatMap((t) => (t.layers[layer] ? [t.layers[layer]] : []));
          expect(counts.reduce((sum, c) => sum + c[0], 0)).toBe(entities[layer]);
          expect(counts.reduce((sum, [, ...levels]) => sum + levels.reduce((a, b) => a + b, 0), 0)).toBe(reporting[layer].size);
        }
      }),
    );
  });

  it("moves an entity between levels as its readings change, and says when there is something new to send", () => {
    const summaries = summariesOf();
    const bin = (fillingLevel: number, status: "ok" | "burning" = "ok"): TCityEvent => ({
      id: `b-${fillingLevel}`,
      entityId: "bin-1",
      observedAt: at(1),
      type: "WasteContainer",
      fillingLevel,
      status,
      temperature: 9,
    });
    const levelsOfBin1 = () =>
      summaries
        .read()
        .tiles.find((t) => t.layers.waste?.[0])!
        .layers.waste!.slice(1);
    summaries.apply("waste", bin(0.1));
    expect(levelsOfBin1()).toEqual([1, 0, 0, 0]);
    expect(summaries.changed).toBe(false);
    summaries.apply("waste", bin(0.85));
    expect(summaries.changed).toBe(true);
    expect(levelsOfBin1()).toEqual([0, 0, 1, 0]);
    summaries.apply("waste", bin(0.2, "burning"));
    expect(levelsOfBin1()).toEqual([0, 0, 0, 1]);
  });
});
