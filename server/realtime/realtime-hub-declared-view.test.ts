import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TCityEntities, TRoadSegment } from "@/lib/contracts/city-pack";
import type { TCitySnapshot } from "@/lib/contracts/realtime";
import { tileKeyOf, type TBbox } from "@/lib/live/tiles";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import { declaredDomainsOn } from "@/test/fixtures/declared-domains";
import { startHubRuntime, type THubClient, type THubRuntime } from "@/test/fixtures/hub-runtime";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";
import { jsonSnapshot } from "@/test/fixtures/json-snapshot";

// A street with three bins in each of two districts ~12 km apart: every declared domain puts a sensor on each street.
const WEST: [number, number] = [-85.75, 41.94];
const EAST: [number, number] = [-85.6, 41.94];
const street = (name: string, [lon, lat]: [number, number]): TRoadSegment => ({
  ...TINY_CITY.segments[0]!,
  id: `${name}-st`,
  name: `${name} St`,
  lengthM: 80,
  coords: [
    [lon, lat],
    [lon + 0.001, lat],
  ],
});
const bins = (name: string, [lon, lat]: [number, number]) =>
  [0, 1, 2].map((i) => ({ id: `${name}-${i}`, position: [lon + i * 0.0003, lat] as [number, number], volumeL: 240 }));
const CITY: TCityEntities = {
  ...TINY_CITY,
  segments: [...TINY_CITY.segments, street("West", WEST), street("East", EAST)],
  bins: [...TINY_CITY.bins, ...bins("west", WEST), ...bins("east", EAST)],
};
// The tiny city and the two districts are over this budget; one district is not.
const BUDGET = 8;
const around = ([lon, lat]: [number, number]): TBbox => [lon - 0.002, lat - 0.002, lon + 0.003, lat + 0.002];
const WHOLE_CITY: TBbox = [-85.8, 41.9, -85.55, 42];

let domains: TDomainRegistry;
let hub: THubRuntime;

beforeEach(async () => {
  domains = await declaredDomainsOn(CITY);
  hub = await startHubRuntime({ entities: CITY, domains, flushMs: 25, viewBudget: BUDGET, summariesMs: 25 });
});

afterEach(() => hub.stop());

/** The water meter on a district's street. */
const meterOn = (name: string) => domains.byId.get("water-network")!.entities.find((e) => e.street === `${name} St`)!;
const meterReading = (entityId: string, pressure: number, second: number) => ({
  id: `${entityId}-${pressure}-${second}`,
  entityId,
  observedAt: new Date(Date.UTC(2026, 10, 24, 8, 0, second)).toISOString(),
  type: "WaterObserved",
  pressure,
  flow: 60,
});

async function subscribe(socket: THubClient, bbox: TBbox, withDomains = ["water-network"]): Promise<TCitySnapshot> {
  const response = await socket.emitWithAck("city:subscribe", { layers: ["waste"], domains: withDomains, viewport: { bbox } });
  if (!response.ok) throw new Error(response.error);
  return jsonSnapshot(response.data);
}

const meterIds = (events: { entityId: string }[] | undefined) => (events ?? []).map((e) => e.entityId).sort();

describe("realtime hub: declared domains follow the viewport", () => {
  it("sends a viewport the sensors of its tiles and their changes only", async () => {
    const west = meterOn("West");
    const east = meterOn("East");
    await hub.source.push("city.water-network", [meterReading(west.id, 3.5, 1), meterReading(east.id, 3.5, 1)]);
    const socket = hub.client();
    const snapshot = await subscribe(socket, around(WEST));
    expect(snapshot.view).toEqual({ mode: "tiles", tiles: [tileKeyOf(WEST)] });
    expect(tileKeyOf(west.position)).toBe(tileKeyOf(WEST));
    expect(meterIds(snapshot.declared?.["water-network"])).toEqual([west.id]);
    expect(snapshot.summaries).toBeUndefined();

    await hub.source.push("city.water-network", [meterReading(east.id, 1.2, 2), meterReading(west.id, 1.3, 2)]);
    await waitFor(() => socket.deltas.some((d) => d.declared?.["water-network"]?.length), "the west meter's change");
    expect(socket.deltas.flatMap((d) => meterIds(d.declared?.["water-network"]))).toEqual([west.id]);
  });

  it("sends an overview per-tile counts of its declared domains by level instead of their sensors, and keeps them current", async () => {
    const west = meterOn("West");
    await hub.source.push("city.water-network", [meterReading(west.id, 3.5, 3)]);
    const socket = hub.client();
    const withoutDomains = hub.client();
    const snapshot = await subscribe(socket, WHOLE_CITY);
    const plain = await subscribe(withoutDomains, WHOLE_CITY, []);
    expect(snapshot.view).toEqual({ mode: "overview" });
    expect(snapshot.declared).toEqual({ "water-network": [] });
    const westTile = tileKeyOf(WEST);
    const rowIn = (s: TCitySnapshot["summaries"]) => s?.tiles.find((t) => t.tile === westTile)?.declared?.["water-network"];
    expect(rowIn(snapshot.summaries)).toEqual([1, 1, 0, 0, 0]);
    const sensors = domains.byId.get("water-network")!.entities.length;
    expect(snapshot.summaries!.tiles.reduce((sum, t) => sum + (t.declared?.["water-network"]?.[0] ?? 0), 0)).toBe(sensors);
    expect(plain.summaries!.tiles.some((t) => t.declared)).toBe(false);

    // Below the rule's 2 bar: the major rule's level (high).
    await hub.source.push("city.water-network", [meterReading(west.id, 1.4, 4)]);
    const high = await waitFor(() => socket.summaries.find((s) => rowIn(s)?.[3] === 1), "summaries with the meter counted high");
    expect(rowIn(high)).toEqual([1, 0, 0, 1, 0]);
    expect(socket.deltas.some((d) => d.declared)).toBe(false);
    expect(withoutDomains.summaries.every((s) => !s.tiles.some((t) => t.declared))).toBe(true);
  });
});
