import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TCityDelta, TCitySnapshot } from "@/lib/contracts/realtime";
import type { TLayer } from "@/lib/contracts/layers";
import { startHubRuntime, type THubClient as TClient, type THubRuntime } from "@/test/fixtures/hub-runtime";
import { waitFor } from "@/test/wait-for";
import type { TLatencyProbe } from "@/server/ingest/latency-probe";
import { jsonSnapshot } from "@/test/fixtures/json-snapshot";

const bin = (entityId: string, fillingLevel: number, second = 0) => ({
  id: `${entityId}-${fillingLevel}`,
  entityId,
  observedAt: new Date(Date.UTC(2026, 10, 24, 8, 0, second)).toISOString(),
  type: "WasteContainer",
  fillingLevel,
  status: "ok",
  temperature: 9,
});
const lot = (available: number) => ({
  id: `p-${available}`,
  entityId: "parking-1",
  observedAt: "2026-11-24T08:00:00Z",
  type: "OffStreetParking",
  availableSpotNumber: available,
  totalSpotNumber: 120,
});

let hub: THubRuntime;
const busySockets = new Set<string>();

beforeEach(() => start({ flushMs: 25 }));

async function start(window: { flushMs: number; minFlushMs?: number; latencyProbe?: TLatencyProbe }) {
  hub = await startHubRuntime({ ...window, isClientBusy: (socket) => busySockets.has(socket.id) });
}

async function stop() {
  busySockets.clear();
  await hub.stop();
}

afterEach(stop);

const client = () => hub.client();
const subscribe = (socket: TClient, layers: TLayer[]) => socket.emitWithAck("city:subscribe", { layers });

describe("realtime hub", () => {
  it("answers a subscription with a snapshot of the subscribed layers only", async () => {
    await hub.source.push("city.waste", [bin("bin-1", 0.3)]);
    await hub.source.push("city.parking", [lot(40)]);
    const socket = client();
    const response = await subscribe(socket, ["waste"]);
    expect(response.ok).toBe(true);
    const snapshot = response.ok ? jsonSnapshot(response.data) : undefined;
    expect(snapshot?.layers.waste?.map((e) => e.fillingLevel)).toEqual([0.3]);
    expect(snapshot?.layers).not.toHaveProperty("parking");
  });

  it("rejects a malformed subscription with a reason", async () => {
    const socket = client();
    const response = await socket.emitWithAck("city:subscribe", { layers: ["sewers"] as unknown as TLayer[] });
    expect(response.ok).toBe(false);
  });

  it("pushes coalesced deltas: only changed entities, latest value wins, only subscribed layers", async () => {
    const socket = client();
    await subscribe(socket, ["waste"]);
    await hub.source.push("city.waste", [bin("bin-1", 0.1, 1), bin("bin-1", 0.2, 2), bin("bin-1", 0.3, 3)]);
    await hub.source.push("city.parking", [lot(12)]);
    const delta = await waitFor(() => socket.deltas.find((d) => d.layers.waste), "a waste delta");
    expect(delta.layers.waste?.map((e) => [e.entityId, e.fillingLevel])).toEqual([["bin-1", 0.3]]);
    expect(socket.deltas.some((d) => d.layers.parking)).toBe(false);
  });

  it("holds back a busy client without delaying the others, then sends it the latest values at once", async () => {
    const fast = client();
    const slow = client();
    await subscribe(fast, ["waste"]);
    await subscribe(slow, ["waste"]);
    busySockets.add(slow.id!);
    for (let i = 1; i <= 5; i++) {
      await hub.source.push("city.waste", [bin("bin-1", i / 10, i), bin("bin-2", i / 20, i)]);
      await waitFor(() => fast.deltas.some((d) => d.layers.waste?.some((e) => e.fillingLevel === i / 10)), `fast client gets update ${i}`);
    }
    expect(slow.deltas).toHaveLength(0);
    busySockets.delete(slow.id!);
    // No new change: the pending ones go out on their own (a city gone quiet must not leave it stale).
    await waitFor(() => slow.deltas.length > 0, "slow client catches up");
    expect(slow.deltas[0].layers.waste?.map((e) => [e.entityId, e.fillingLevel])).toEqual([
      ["bin-1", 0.5],
      ["bin-2", 0.25],
    ]);
  });

  it("encodes a flush's delta once per subscription shape, whatever the number of clients", async () => {
    const wasteOnly = [client(), client(), client(), client()];
    const wasteAndParking = [client(), client()];
    for (const socket of wasteOnly) await subscribe(socket, ["waste"]);
    for (const socket of wasteAndParking) await subscribe(socket, ["parking", "waste"]);
    const encoder = hub.runtime.hub.io.encoder;
    const encode = encoder.encode.bind(encoder);
    const encodedDeltas: unknown[] = [];
    encoder.encode = (packet) => {
      if (Array.isArray(packet.data) && packet.data[0] === "city:delta") encodedDeltas.push(packet.data[1]);
      return encode(packet);
    };
    try {
      await hub.source.push("city.waste", [bin("bin-1", 0.7, 40)]);
      await hub.source.push("city.parking", [lot(7)]);
      await waitFor(
        () => [...wasteOnly, ...wasteAndParking].every((c) => c.deltas.some((d) => d.layers.waste?.some((e) => e.fillingLevel === 0.7))),
        "every client has the change",
      );
      await waitFor(() => wasteAndParking.every((c) => c.deltas.some((d) => d.layers.parking)), "parking clients have the lot");
    } finally {
      encoder.encode = encode;
    }
    // Two shapes, so at most two encodings per flush, however many clients; six clients got it.
    const flushes = new Set(encodedDeltas.map((d) => (d as TCityDelta).seq));
    expect(encodedDeltas.length).toBeLessThanOrEqual(2 * flushes.size);
    expect(wasteOnly.every((c) => c.deltas.every((d) => d.layers.parking === undefined))).toBe(true);
  });

  it("resyncs a client from a snapshot when it reconnects", async () => {
    const socket = client();
    const snapshots: TCitySnapshot[] = [];
    socket.on("connect", async () => {
      const response = await subscribe(socket, ["waste"]);
      if (response.ok) snapshots.push(jsonSnapshot(response.data));
    });
    await waitFor(() => snapshots.length === 1, "first snapshot");
    socket.io.engine.close(); // drop the connection; socket.io-client reconnects on its own
    await waitFor(() => !socket.connected, "disconnect");
    await hub.source.push("city.waste", [bin("bin-2", 0.9, 30)]);
    const resync = await waitFor(() => snapshots[1], "a second snapshot after reconnecting");
    expect(resync.layers.waste?.map((e) => [e.entityId, e.fillingLevel])).toEqual([["bin-2", 0.9]]);
  });

  it("broadcasts ingest stats with dead-letter counts", async () => {
    const socket = client();
    const seen: number[] = [];
    socket.on("ingest:stats", (stats) => seen.push(stats.deadLettered));
    await hub.source.push("city.waste", ["{not json", bin("bin-1", 0.2)]);
    await waitFor(() => seen.includes(1), "stats with one dead letter");
  });
});

describe("realtime hub with the adaptive window", () => {
  // A fixed window far beyond any wait below: whatever arrives came through the adaptive window.
  beforeEach(async () => {
    await stop();
    await start({ flushMs: 600_000, minFlushMs: 5 });
  });

  it("sends changes soon after they arrive instead of at the next fixed window", async () => {
    const socket = client();
    await subscribe(socket, ["waste"]);
    await hub.source.push("city.waste", [bin("bin-1", 0.4, 5)]);
    const delta = await waitFor(() => socket.deltas.find((d) => d.layers.waste), "a waste delta");
    expect(delta.layers.waste?.map((e) => [e.entityId, e.fillingLevel])).toEqual([["bin-1", 0.4]]);
  });

  it("sends a burst applied at once as one coalesced delta", async () => {
    const socket = client();
    await subscribe(socket, ["waste"]);
    await hub.source.push("city.waste", [bin("bin-1", 0.1, 1), bin("bin-2", 0.2, 2), bin("bin-1", 0.3, 3)]);
    await waitFor(() => socket.deltas.length > 0, "the burst's delta");
    expect(socket.deltas).toHaveLength(1);
    expect(socket.deltas[0].layers.waste?.map((e) => [e.entityId, e.fillingLevel])).toEqual([
      ["bin-1", 0.3],
      ["bin-2", 0.2],
    ]);
  });

  it("tells a latency probe what each flush sent", async () => {
    await stop();
    const flushed: string[][] = [];
    await start({
      flushMs: 600_000,
      minFlushMs: 5,
      latencyProbe: { flushed: (changes) => flushed.push((changes.waste ?? []).map((e) => e.id)) },
    });
    const socket = client();
    await subscribe(socket, ["waste"]);
    await hub.source.push("city.waste", [bin("bin-1", 0.1, 1), bin("bin-1", 0.8, 2)]);
    await waitFor(() => socket.deltas.length > 0, "the delta");
    expect(flushed).toEqual([["bin-1-0.8"]]);
  });

  it("still sends a busy client its backlog once it is free, with no new change", async () => {
    await stop();
    await start({ flushMs: 25, minFlushMs: 5 });
    const socket = client();
    await subscribe(socket, ["waste"]);
    busySockets.add(socket.id!);
    await hub.source.push("city.waste", [bin("bin-1", 0.6, 6)]);
    await waitFor(() => hub.runtime.cityState.snapshot(["waste"]).waste?.length, "the change applied");
    busySockets.delete(socket.id!);
    const delta = await waitFor(() => socket.deltas.find((d) => d.layers.waste), "the backlog");
    expect(delta.layers.waste?.map((e) => e.fillingLevel)).toEqual([0.6]);
  });
});
