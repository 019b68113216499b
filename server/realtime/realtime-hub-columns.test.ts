import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TLayer } from "@/lib/contracts/layers";
import { decodeColumnarLayers } from "@/lib/wire/columnar-delta";
import { entitySlotsOf } from "@/lib/wire/entity-slots";
import { startHubRuntime, type THubClient as TClient, type THubRuntime } from "@/test/fixtures/hub-runtime";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";

const slots = entitySlotsOf(TINY_CITY);
const bin = (entityId: string, fillingLevel: number, second = 0) => ({
  id: `sim-1-${Math.round(fillingLevel * 100)}`,
  entityId,
  observedAt: new Date(Date.UTC(2026, 10, 24, 8, 0, second)).toISOString(),
  type: "WasteContainer",
  fillingLevel,
  status: "ok",
  temperature: 9,
});

let hub: THubRuntime;

beforeEach(async () => {
  hub = await startHubRuntime({ flushMs: 25 });
});

afterEach(() => hub.stop());

async function subscribed(layers: TLayer[], columns?: string): Promise<TClient> {
  const socket = hub.client();
  const response = await socket.emitWithAck("city:subscribe", { layers, ...(columns ? { columns } : {}) });
  expect(response.ok).toBe(true);
  return socket;
}

/** Counts the "city:columns" packets the server's parser encodes: one per flush per shape, however many clients. */
function countColumnEncodes(): { count: number } {
  const counter = { count: 0 };
  const encoder = hub.runtime.hub.io.encoder;
  const encode = encoder.encode.bind(encoder);
  encoder.encode = (packet) => {
    if (Array.isArray(packet.data) && packet.data[0] === "city:columns") counter.count++;
    return encode(packet);
  };
  return counter;
}

describe("realtime hub, columnar deltas", () => {
  it("sends columns to clients of the same pack and JSON to the others, with the same values", async () => {
    const columnar = await subscribed(["waste"], slots.fingerprint);
    const json = await subscribed(["waste"]);
    const otherPack = await subscribed(["waste"], "1.2.3.4.5-abc");
    await hub.source.push("city.waste", [bin("bin-1", 0.1, 1), bin("bin-1", 0.4, 2), bin("bin-2", 0.7, 1)]);

    const delta = await waitFor(() => columnar.columns[0], "a columnar delta");
    await waitFor(() => json.deltas[0] && otherPack.deltas[0], "JSON deltas");
    const decoded = decodeColumnarLayers(delta, slots);
    expect(delta.counts).toEqual({ waste: 2 });
    expect(delta.layers).toBeUndefined(); // every event fitted the columns
    expect(decoded.waste).toEqual(expect.arrayContaining(json.deltas[0].layers.waste ?? []));
    expect(decoded.waste?.map((e) => [e.entityId, e.fillingLevel]).sort()).toEqual([
      ["bin-1", 0.4],
      ["bin-2", 0.7],
    ]);
    expect(columnar.deltas).toEqual([]);
    expect(otherPack.columns).toEqual([]);
  });

  it("encodes a flush's columns once for every client of the same shape", async () => {
    const encodes = countColumnEncodes();
    const group = await Promise.all([1, 2, 3].map(() => subscribed(["waste"], slots.fingerprint)));
    const alone = await subscribed(["waste", "parking"], slots.fingerprint);
    await hub.source.push("city.waste", [bin("bin-1", 0.2, 3)]);
    await waitFor(() => [...group, alone].every((c) => c.columns.length === 1), "every client's delta");
    expect(encodes.count).toBe(2);
    expect(group.map((c) => c.columns[0].seq)).toEqual([alone.columns[0].seq, alone.columns[0].seq, alone.columns[0].seq]);
  });
});
