import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TCityDelta, TCitySnapshot } from "@/lib/contracts/realtime";
import { tileKeyOf, type TBbox } from "@/lib/live/tiles";
import { startHubRuntime, type THubClient as TClient, type THubRuntime } from "@/test/fixtures/hub-runtime";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";
import { jsonSnapshot } from "@/test/fixtures/json-snapshot";

// Three bins in each of two districts ~12 km apart (several tiles between them), besides the tiny city's own.
const WEST: [number, number] = [-85.75, 41.94];
const EAST: [number, number] = [-85.6, 41.94];
const district = (name: string, [lon, lat]: [number, number]) =>
  [0, 1, 2].map((i) => ({ id: `${name}-${i}`, position: [lon + i * 0.001, lat] as [number, number], volumeL: 240 }));
const CITY: TCityEntities = { ...TINY_CITY, bins: [...TINY_CITY.bins, ...district("west", WEST), ...district("east", EAST)] };
// 15 static entities in the tiny city and 6 more bins: the whole city is over budget, one district is not.
const BUDGET = 8;
const around = ([lon, lat]: [number, number]): TBbox => [lon - 0.002, lat - 0.002, lon + 0.004, lat + 0.002];
const WHOLE_CITY: TBbox = [-85.8, 41.9, -85.55, 42];

const bin = (entityId: string, fillingLevel: number, second: number) => ({
  id: `${entityId}-${fillingLevel}-${second}`,
  entityId,
  observedAt: new Date(Date.UTC(2026, 10, 24, 8, 0, second)).toISOString(),
  type: "WasteContainer",
  fillingLevel,
  status: "ok",
  temperature: 9,
});
const unit = (second: number) => ({
  id: `u-${second}`,
  entityId: "unit-e1",
  observedAt: new Date(Date.UTC(2026, 10, 24, 8, 0, second)).toISOString(),
  type: "UnitPosition",
  location: [-85.633, 41.939],
  heading: 0,
  speed: 0,
  status: "available",
});

let hub: THubRuntime;

beforeEach(async () => {
  hub = await startHubRuntime({ entities: CITY, flushMs: 25, viewBudget: BUDGET, summariesMs: 25 });
});

afterEach(() => hub.stop());

const client = () => hub.client();

async function subscribe(socket: TClient, bbox: TBbox, resume?: { epoch: string; seq: number; tiles: string[] }): Promise<TCitySnapshot> {
  const response = await socket.emitWithAck("city:subscribe", {
    layers: ["waste", "units"],
    viewport: { bbox },
    ...(resume ? { resume } : {}),
  });
  if (!response.ok) throw new Error(response.error);
  return jsonSnapshot(response.data);
}

const binIds = (events: { entityId: string }[] | undefined) => (events ?? []).map((e) => e.entityId).sort();
const wasteSeen = (socket: TClient) => new Set(socket.deltas.flatMap((d) => binIds(d.layers.waste)));

describe("realtime hub: viewport subscriptions", () => {
  it("sends two clients with different viewports only their own tiles, and both the city-wide units", async () => {
    await hub.source.push("city.waste", [bin("west-0", 0.1, 1), bin("east-0", 0.1, 1)]);
    const west = client();
    const east = client();
    const westSnapshot = await subscribe(west, around(WEST));
    const eastSnapshot = await subscribe(east, around(EAST));
    expect(westSnapshot.view).toEqual({ mode: "tiles", tiles: [tileKeyOf(WEST)] });
    expect(binIds(westSnapshot.layers.waste)).toEqual(["west-0"]);
    expect(binIds(eastSnapshot.layers.waste)).toEqual(["east-0"]);

    await hub.source.push("city.waste", [bin("west-1", 0.5, 2), bin("east-1", 0.5, 2), bin("bin-1", 0.5, 2)]);
    await hub.source.push("city.units", [unit(2)]);
    await waitFor(() => wasteSeen(west).has("west-1") && wasteSeen(east).has("east-1"), "each client's bin");
    await waitFor(() => [west, east].every((c) => c.deltas.some((d) => d.layers.units?.length)), "the unit reaches both");
    expect([...wasteSeen(west)]).toEqual(["west-1"]);
    expect([...wasteSeen(east)]).toEqual(["east-1"]);
  });

  it("encodes a tile's changes once per flush for every client viewing it", async () => {
    const viewers = [client(), client(), client()];
    for (const socket of viewers) await subscribe(socket, around(WEST));
    const encoder = hub.runtime.hub.io.encoder;
    const encode = encoder.encode.bind(encoder);
    const encoded: TCityDelta[] = [];
    encoder.encode = (packet) => {
      if (Array.isArray(packet.data) && packet.data[0] === "city:delta") encoded.push(packet.data[1] as TCityDelta);
      return encode(packet);
    };
    try {
      await hub.source.push("city.waste", [bin("west-2", 0.7, 3)]);
      await waitFor(() => viewers.every((c) => wasteSeen(c).has("west-2")), "every viewer has the change");
    } finally {
      encoder.encode = encode;
    }
    expect(encoded.filter((d) => d.layers.waste)).toHaveLength(1);
  });

  it("answers a moved viewport with the tiles newly in view, then sends deltas for the new view only", async () => {
    await hub.source.push("city.waste", [bin("east-2", 0.3, 4)]);
    const socket = client();
    await subscribe(socket, around(WEST));
    const response = await socket.emitWithAck("city:viewport", { bbox: around(EAST) });
    if (!response.ok) throw new Error(response.error);
    expect(response.data).toMatchObject({ partial: true, view: { mode: "tiles", tiles: [tileKeyOf(EAST)] } });
    expect(binIds(jsonSnapshot(response.data).layers.waste)).toEqual(["east-2"]);

    await hub.source.push("city.waste", [bin("west-0", 0.9, 5), bin("east-0", 0.9, 5)]);
    await waitFor(() => wasteSeen(socket).has("east-0"), "the east bin's change");
    expect(wasteSeen(socket).has("west-0")).toBe(false);
  });

  it("sends an overview's summaries instead of entities when the viewport holds more than the budget", async () => {
    const socket = client();
    const snapshot = await subscribe(socket, WHOLE_CITY);
    expect(snapshot.view).toEqual({ mode: "overview" });
    expect(snapshot.layers.waste ?? []).toEqual([]);
    const westTile = tileKeyOf(WEST);
    expect(snapshot.summaries?.tiles.find((t) => t.tile === westTile)?.layers.waste).toEqual([3, 0, 0, 0, 0]);

    await hub.source.push("city.waste", [bin("west-0", 0.99, 6)]);
    const critical = await waitFor(
      () => socket.summaries.find((s) => s.tiles.find((t) => t.tile === westTile)?.layers.waste?.[4] === 1),
      "summaries with the full bin counted critical",
    );
    expect(critical.tiles.find((t) => t.tile === westTile)?.layers.waste).toEqual([3, 0, 0, 0, 1]);
    expect(socket.deltas.some((d) => d.layers.waste)).toBe(false);
  });

  it("resumes a reconnecting client with what changed since its last delta instead of its whole view", async () => {
    const observer = client();
    await subscribe(observer, around(WEST));
    await hub.source.push("city.waste", [bin("west-0", 0.1, 7), bin("west-1", 0.1, 7)]);
    // Flushed before the snapshot below, so neither is still on its way as a delta of a later flush.
    await waitFor(() => wasteSeen(observer).has("west-1"), "the first readings flushed");
    const socket = client();
    const first = await subscribe(socket, around(WEST));
    expect(binIds(first.layers.waste)).toEqual(["west-0", "west-1"]);
    socket.disconnect();
    await hub.source.push("city.waste", [bin("west-1", 0.6, 8)]);
    await waitFor(() => observer.deltas.some((d) => d.layers.waste?.some((e) => e.fillingLevel === 0.6)), "the change flushed");
    const again = client();
    // The snapshot held everything up to its seq: what changed in the flushes after it.
    const resumed = await subscribe(again, around(WEST), { epoch: first.epoch!, seq: first.seq + 1, tiles: [tileKeyOf(WEST)] });
    expect(resumed.partial).toBe(true);
    expect(binIds(resumed.layers.waste)).toEqual(["west-1"]);
    // Another process's seq means nothing here: a full snapshot.
    const elsewhere = await subscribe(again, around(WEST), { epoch: "another-instance", seq: first.seq + 1, tiles: [tileKeyOf(WEST)] });
    expect(elsewhere.partial).toBeUndefined();
    expect(binIds(elsewhere.layers.waste)).toEqual(["west-0", "west-1"]);
  });
});
