import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { LAYERS } from "@/lib/contracts/layers";
import type { TCitySnapshot, TColumnarSnapshot, TSubscribeRequest } from "@/lib/contracts/realtime";
import { indexTiles } from "@/lib/live/tile-index";
import type { TBbox } from "@/lib/live/tiles";
import { isColumnarSnapshot } from "@/lib/wire/columnar-snapshot";
import { entitySlotsOf } from "@/lib/wire/entity-slots";
import { LiveCityStore } from "@/components/live/live-city-store";
import { startHubRuntime, type THubClient, type THubRuntime } from "@/test/fixtures/hub-runtime";
import { TINY_CITY } from "@/test/fixtures/tiny-city";

// Three bins in each of two districts ~12 km apart, besides the tiny city's own: one district fits the budget, the city not.
const WEST: [number, number] = [-85.75, 41.94];
const EAST: [number, number] = [-85.6, 41.94];
const district = (name: string, [lon, lat]: [number, number]) =>
  [0, 1, 2].map((i) => ({ id: `${name}-${i}`, position: [lon + i * 0.001, lat] as [number, number], volumeL: 240 }));
const CITY: TCityEntities = { ...TINY_CITY, bins: [...TINY_CITY.bins, ...district("west", WEST), ...district("east", EAST)] };
const slots = entitySlotsOf(CITY);
const placement = indexTiles(CITY);
const around = ([lon, lat]: [number, number]): TBbox => [lon - 0.002, lat - 0.002, lon + 0.004, lat + 0.002];

const bin = (entityId: string, fillingLevel: number, observedAt = "2026-11-24T08:00:01.000Z") => ({
  id: `sim-1-${entityId.length}${Math.round(fillingLevel * 100)}`,
  entityId,
  observedAt,
  type: "WasteContainer",
  fillingLevel,
  status: "ok",
  temperature: 9,
});
const unit = {
  id: "u-7",
  entityId: "unit-e1",
  observedAt: "2026-11-24T08:00:02.000Z",
  type: "UnitPosition",
  location: [-85.633, 41.939],
  heading: 12.5,
  speed: 30,
  status: "enRoute",
};

let hub: THubRuntime;

beforeEach(async () => {
  hub = await startHubRuntime({ entities: CITY, flushMs: 25, viewBudget: 8 });
});

afterEach(() => hub.stop());

/** A client and the store it keeps, applying each answer in the form it came in. */
async function subscribed(wire: Pick<TSubscribeRequest, "columns" | "columnarSnapshots">) {
  const socket: THubClient = hub.client();
  const store = new LiveCityStore();
  store.setPlacement(placement); // as the map does once the pack is loaded: what leaves the view is dropped
  const answers: (TCitySnapshot | TColumnarSnapshot)[] = [];
  const apply = (data: TCitySnapshot | TColumnarSnapshot) => {
    answers.push(data);
    if (isColumnarSnapshot(data)) store.applyColumnarSnapshot(data, slots);
    else store.applySnapshot(data);
  };
  const response = await socket.emitWithAck("city:subscribe", { layers: ["waste", "units"], viewport: { bbox: around(WEST) }, ...wire });
  if (!response.ok) throw new Error(response.error);
  apply(response.data);
  return {
    store,
    answers,
    async moveTo(bbox: TBbox) {
      const answer = await socket.emitWithAck("city:viewport", { bbox });
      if (!answer.ok) throw new Error(answer.error);
      apply(answer.data);
    },
  };
}

/** Every pack entity's latest reading in the store, and what else a map reads of it. */
function stateOf(store: LiveCityStore) {
  return {
    entities: LAYERS.flatMap((layer) => slots.ids[layer].map((id) => [layer, id, store.get(layer, id)])),
    counts: store.getCounts(),
    view: store.getView(),
    seq: store.seq,
  };
}

describe("realtime hub, columnar snapshots", () => {
  it("answers a client of the same pack that asks for them in columns and any other in JSON, every store ending the same", async () => {
    await hub.source.push("city.waste", [
      bin("west-0", 0.1),
      bin("west-1", 0.2),
      bin("east-0", 0.3),
      bin("east-1", 0.4),
      // Not in the exact ISO form the columns keep: goes along as JSON.
      bin("east-2", 0.5, "2026-11-24T08:00:01Z"),
    ]);
    await hub.source.push("city.units", [unit]);

    const columnar = await subscribed({ columns: slots.fingerprint, columnarSnapshots: true });
    const json = await subscribed({});
    const otherPack = await subscribed({ columns: "1.2.3.4.5-abc", columnarSnapshots: true });
    const oldTab = await subscribed({ columns: slots.fingerprint }); // loaded before snapshots had columns
    for (const client of [columnar, json, otherPack, oldTab]) await client.moveTo(around(EAST));

    const [snapshot, answer] = columnar.answers as TColumnarSnapshot[];
    expect(isColumnarSnapshot(snapshot) && isColumnarSnapshot(answer)).toBe(true);
    expect(ArrayBuffer.isView(snapshot.columns)).toBe(true); // a binary attachment (Node receives a Buffer)
    expect(snapshot.counts).toEqual({ waste: 2, units: 1 });
    expect(snapshot.layers).toBeUndefined();
    expect(answer.counts).toEqual({ waste: 2 });
    expect(answer.layers?.waste?.map((e) => e.entityId)).toEqual(["east-2"]);
    for (const client of [json, otherPack, oldTab]) expect(client.answers.some(isColumnarSnapshot)).toBe(false);

    const expected = stateOf(json.store);
    expect(expected.counts).toMatchObject({ waste: 3, units: 1 }); // the east district and the unit
    expect(expected.view).toMatchObject({ mode: "tiles" });
    for (const client of [columnar, otherPack, oldTab]) expect(stateOf(client.store)).toEqual(expected);
  });
});
