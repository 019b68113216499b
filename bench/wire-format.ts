/**
 * npm run bench:wire-format — prints figures, asserts nothing.
 * What one live delta and two snapshots cost on the wire in three encodings, measured side by side in one run:
 *   json      socket.io's default parser, the packet `42["city:delta",{…}]` (or a snapshot's acknowledgement
 *             `43n[{"ok":true,"data":{…}}]`) exactly as the hub sends it to a client without the pack's fingerprint;
 *   msgpack   the same payload through socket.io-msgpack-parser (the server's `parser` option, notepack.io);
 *   columnar  lib/wire/columnar-delta.ts (columnar-snapshot.ts for snapshots): typed-array columns keyed by entity
 *             slot, one binary attachment through socket.io's default parser (its header packet plus the attachment).
 * Payloads: a delta of BENCH_UPDATES (10,000) distinct entity updates from the generated metro (built in a scratch
 * folder, as bench:metro-pack; the simulator's mix of layers, coalesced as the hub does); the metro's answer to a
 * viewport zoomed to 15.5 at its centre (1280×720 px, the hub's view of it: the tiles in view and a margin, with every
 * entity's reading after one full pass of the simulator); the town's (Three Rivers) whole snapshot after one pass.
 * Then, for a Web Worker that would decode the columns off the main thread: what handing the decoded events back
 * costs the main thread (v8.deserialize, the structured clone postMessage uses) against decoding them there.
 * Bytes: every frame the parser produces (engine.io adds 1 byte per frame on a WebSocket). Encode: payload → frames
 * (columnar includes building the columns). Decode: frames → the events the store applies (columnar includes
 * turning columns back into event objects), also measured in Node here: V8 as in Chromium, not the browser itself.
 * Medians of BENCH_ROUNDS (15) after 3 warm-up rounds.
 *   BENCH_SEGMENTS, BENCH_SENSORS (metro size, default 50,000 / 100,000), BENCH_UPDATES, BENCH_ROUNDS.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import v8 from "node:v8";
import { tmpdir } from "node:os";
import path from "node:path";
import { Decoder as JsonDecoder, Encoder as JsonEncoder, PacketType } from "socket.io-parser";
import msgpackParser from "socket.io-msgpack-parser";
import { LAYERS } from "@/lib/contracts/layers";
import { layerOf, type TCityEvent } from "@/lib/contracts/events";
import type { TAck, TCityDelta, TCitySnapshot, TColumnarDelta, TColumnarSnapshot, TLayerEvents } from "@/lib/contracts/realtime";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TLonLat } from "@/lib/geo";
import { chooseView, DEFAULT_VIEW_BUDGET } from "@/lib/live/choose-view";
import { indexTiles, TILED_LAYERS } from "@/lib/live/tile-index";
import type { TBbox } from "@/lib/live/tiles";
import { decodeColumnarLayers, encodeColumnarDelta } from "@/lib/wire/columnar-delta";
import { decodeColumnarSnapshot, encodeColumnarSnapshot } from "@/lib/wire/columnar-snapshot";
import { entitySlotsOf, type TEntitySlots } from "@/lib/wire/entity-slots";
import { CityState } from "@/server/city/city-state";
import { loadCityPack } from "@/server/city/load-city-pack";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { DeltaCoalescer } from "@/server/realtime/delta-coalescer";
import { ChangeLog, collectTiled, emptyContents } from "@/server/realtime/view-contents";
import { buildMetro, METRO_PACK_ID } from "@/scripts/city-pack/build-metro";

const UPDATES = Number(process.env.BENCH_UPDATES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARM_UP = 3;
const segments = Number(process.env.BENCH_SEGMENTS ?? 50_000);
const sensors = Number(process.env.BENCH_SENSORS ?? 100_000);

type TFrames = (string | ArrayBuffer | Uint8Array)[];
type TFormat = { name: string; encode: () => TFrames; decode: (frames: TFrames) => number };

const packet = (event: string, payload: unknown) => ({ type: PacketType.EVENT, nsp: "/", data: [event, payload] });
/** A snapshot goes as the acknowledgement of the client's subscription or viewport change. */
const ackPacket = (data: unknown) => ({ type: PacketType.ACK, nsp: "/", id: 12, data: [{ ok: true, data }] });
const ackData = <T>(args: unknown[]) => (args[0] as TAck<T> & { ok: true }).data;

/** Feeds frames to a socket.io decoder; returns the decoded packet's payload (an event's), or its arguments (an acknowledgement's). */
function decodeFrames(decoder: JsonDecoder | InstanceType<typeof msgpackParser.Decoder>, frames: TFrames) {
  let payload: unknown;
  (decoder as JsonDecoder).on("decoded", (p) => {
    const data = p.data as unknown[];
    payload = p.type === PacketType.EVENT || p.type === PacketType.BINARY_EVENT ? data[1] : data;
  });
  for (const frame of frames) decoder.add(frame as never);
  return payload;
}

const countEvents = (layers: TLayerEvents) => LAYERS.reduce((n, layer) => n + (layers[layer]?.length ?? 0), 0);

type TPayload = { kind: "delta"; delta: TCityDelta } | { kind: "snapshot"; snapshot: TCitySnapshot };

const layersOf = (payload: TPayload) => (payload.kind === "delta" ? payload.delta.layers : payload.snapshot.layers);

function formats(payload: TPayload, slots: TEntitySlots): TFormat[] {
  const json = new JsonEncoder();
  const msgpack = new msgpackParser.Encoder();
  if (payload.kind === "snapshot") {
    const { snapshot } = payload;
    return [
      {
        name: "json",
        encode: () => json.encode(ackPacket(snapshot)),
        decode: (frames) => countEvents(ackData<TCitySnapshot>(decodeFrames(new JsonDecoder(), frames) as unknown[]).layers),
      },
      {
        name: "msgpack",
        encode: () => msgpack.encode(ackPacket(snapshot)) as unknown as TFrames,
        decode: (frames) => countEvents(ackData<TCitySnapshot>(decodeFrames(new msgpackParser.Decoder(), frames) as unknown[]).layers),
      },
      {
        name: "columnar",
        encode: () => json.encode(ackPacket(encodeColumnarSnapshot(snapshot, slots))),
        decode: (frames) =>
          countEvents(
            decodeColumnarSnapshot(ackData<TColumnarSnapshot>(decodeFrames(new JsonDecoder(), frames) as unknown[]), slots).layers,
          ),
      },
    ];
  }
  const { delta } = payload;
  return [
    {
      name: "json",
      encode: () => json.encode(packet("city:delta", delta)),
      decode: (frames) => countEvents((decodeFrames(new JsonDecoder(), frames) as TCityDelta).layers),
    },
    {
      name: "msgpack",
      encode: () => msgpack.encode(packet("city:delta", delta)) as unknown as TFrames,
      decode: (frames) => countEvents((decodeFrames(new msgpackParser.Decoder(), frames) as TCityDelta).layers),
    },
    {
      name: "columnar",
      encode: () => json.encode(packet("city:columns", encodeColumnarDelta(delta.seq, delta.layers, slots))),
      decode: (frames) => countEvents(decodeColumnarLayers(decodeFrames(new JsonDecoder(), frames) as TColumnarDelta, slots)),
    },
  ];
}

const frameBytes = (frames: TFrames) => frames.reduce((n, f) => n + (typeof f === "string" ? Buffer.byteLength(f) : f.byteLength), 0);

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function measure(title: string, payload: TPayload, slots: TEntitySlots) {
  const entities = countEvents(layersOf(payload));
  console.log(`\n${title}: ${entities.toLocaleString("en-US")} entity updates`);
  console.log(
    `${"format".padEnd(10)}${"bytes".padStart(12)}${"B/update".padStart(10)}${"encode µs".padStart(12)}${"decode µs".padStart(12)}` +
      `${"× bytes".padStart(9)}${"× enc".padStart(8)}${"× dec".padStart(8)}  frames`,
  );
  const rows = formats(payload, slots).map((format) => ({
    format,
    encodeUs: [] as number[],
    decodeUs: [] as number[],
    bytes: 0,
    frames: 0,
  }));
  // Interleaved, so a slow moment of a shared machine falls on every format alike, and in a rotating order, so the
  // garbage one format leaves is not always collected during the same next one.
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    for (const row of [...rows.slice(round % rows.length), ...rows.slice(0, round % rows.length)]) {
      const t0 = performance.now();
      const frames = row.format.encode();
      const t1 = performance.now();
      const decoded = row.format.decode(frames);
      const t2 = performance.now();
      if (decoded !== entities) throw new Error(`${row.format.name} decoded ${decoded} of ${entities} updates`);
      row.bytes = frameBytes(frames);
      row.frames = frames.length;
      if (round < WARM_UP) continue;
      row.encodeUs.push((t1 - t0) * 1000);
      row.decodeUs.push((t2 - t1) * 1000);
    }
  }
  const [json] = rows;
  const jsonEncode = median(json.encodeUs);
  const jsonDecode = median(json.decodeUs);
  for (const row of rows) {
    const encode = median(row.encodeUs);
    const decode = median(row.decodeUs);
    console.log(
      `${row.format.name.padEnd(10)}${row.bytes.toLocaleString("en-US").padStart(12)}${(row.bytes / entities).toFixed(1).padStart(10)}` +
        `${encode.toFixed(0).padStart(12)}${decode.toFixed(0).padStart(12)}${(row.bytes / json.bytes).toFixed(2).padStart(9)}` +
        `${(encode / jsonEncode).toFixed(2).padStart(8)}${(decode / jsonDecode).toFixed(2).padStart(8)}  ${row.frames}`,
    );
  }
}

/** The simulator's events applied to a fresh city until every entity has a reading. */
function fullCity(entities: TCityEntities): CityState {
  const state = new CityState();
  const simulator = new CitySimulator(entities, { seed: 8, ratePerSecond: 1_000_000, malformedRatio: 0 });
  for (const message of simulator.step(Date.now(), 1000)) state.apply(JSON.parse(message.value) as TCityEvent);
  return state;
}

/** What the hub's coalescer holds once UPDATES distinct entities changed: one realistic big delta. */
function bigDelta(entities: TCityEntities): TCityDelta {
  const coalescer = new DeltaCoalescer();
  const simulator = new CitySimulator(entities, { seed: 9, ratePerSecond: 20_000, malformedRatio: 0 });
  let now = Date.now();
  while (coalescer.size < UPDATES) {
    for (const message of simulator.step((now += 20), 20)) {
      const event = JSON.parse(message.value) as TCityEvent;
      if (coalescer.size < UPDATES) coalescer.add(layerOf(event), event);
    }
  }
  return { seq: 123_456, layers: coalescer.drain() ?? {} };
}

/** A map's bbox at this zoom, centred here, for a viewport of this many CSS pixels (MapLibre: 512-px world tiles). */
function viewportBbox([lon, lat]: TLonLat, zoom: number, widthPx: number, heightPx: number): TBbox {
  const worldPx = 512 * 2 ** zoom;
  const halfLon = (widthPx / 2 / worldPx) * 360;
  const y = (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
  const dy = heightPx / 2 / worldPx;
  const latOf = (yy: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * yy))) * 180) / Math.PI;
  return [lon - halfLon, latOf(y + dy), lon + halfLon, latOf(y - dy)];
}

/** What the hub answers a control room that zooms in to 15.5 at the centre: every tiled layer's entities of the tiles in view. */
function viewportAnswer(entities: TCityEntities, center: TLonLat, state: CityState): TCitySnapshot {
  const index = indexTiles(entities);
  const view = chooseView(index, viewportBbox(center, 15.5, 1280, 720), DEFAULT_VIEW_BUDGET);
  if (view.mode !== "tiles") throw new Error(`a zoom-15.5 viewport is a ${view.mode} view`);
  const contents = emptyContents();
  collectTiled(contents, view.tiles, { cityState: state, index, log: new ChangeLog(), layers: new Set(TILED_LAYERS), domains: new Set() });
  return { seq: 123_456, at: new Date().toISOString(), layers: contents.layers, epoch: randomUUID(), view, partial: true };
}

/**
 * A Web Worker could decode the columns off the main thread, but the store keeps event objects, so the worker would
 * post them back: the main thread then pays the structured clone's deserialisation instead of the decode.
 */
function workerHandOff(title: string, columns: TColumnarDelta | TColumnarSnapshot, slots: TEntitySlots) {
  const decodeUs: number[] = [];
  const serializeUs: number[] = [];
  const deserializeUs: number[] = [];
  let bytes = 0;
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    const t0 = performance.now();
    const events = decodeColumnarLayers(columns, slots);
    const t1 = performance.now();
    const cloned = v8.serialize(events);
    const t2 = performance.now();
    v8.deserialize(cloned);
    const t3 = performance.now();
    bytes = cloned.byteLength;
    if (round < WARM_UP) continue;
    decodeUs.push((t1 - t0) * 1000);
    serializeUs.push((t2 - t1) * 1000);
    deserializeUs.push((t3 - t2) * 1000);
  }
  const decode = median(decodeUs);
  const deserialize = median(deserializeUs);
  console.log(
    `${title.padEnd(26)}${decode.toFixed(0).padStart(10)}${median(serializeUs).toFixed(0).padStart(14)}` +
      `${deserialize.toFixed(0).padStart(16)}${bytes.toLocaleString("en-US").padStart(13)}${(deserialize / decode).toFixed(2).padStart(10)}`,
  );
}

const scratch = mkdtempSync(path.join(tmpdir(), "bench-wire-"));
try {
  buildMetro({ segments, sensors, seed: 1, outDir: path.join(scratch, "city", METRO_PACK_ID), log: () => {} });
  const metroPack = await loadCityPack(METRO_PACK_ID, scratch);
  const metro = metroPack.entities;
  const metroSlots = entitySlotsOf(metro);
  const metroDelta = bigDelta(metro);
  const mix = LAYERS.map((layer) => `${layer} ${metroDelta.layers[layer]?.length ?? 0}`).join(", ");
  console.log(
    `medians of ${ROUNDS} rounds (after ${WARM_UP} warm-up), Node ${process.version}; decode measured in Node, not in the browser`,
  );
  console.log(`ratios (×) are to json in the same run; frames = WebSocket frames per message`);
  measure(`delta (metro: ${mix})`, { kind: "delta", delta: metroDelta }, metroSlots);

  const answer = viewportAnswer(metro, metroPack.manifest.center, fullCity(metro));
  const tiles = answer.view?.mode === "tiles" ? answer.view.tiles.length : 0;
  const answerMix = LAYERS.filter((layer) => answer.layers[layer]?.length)
    .map((layer) => `${layer} ${answer.layers[layer]?.length}`)
    .join(", ");
  measure(
    `viewport answer (metro, zoom 15.5 at the centre: ${tiles} tiles; ${answerMix})`,
    { kind: "snapshot", snapshot: answer },
    metroSlots,
  );

  const town = (await loadCityPack("three-rivers")).entities;
  const townSnapshot: TCitySnapshot = {
    seq: 1,
    at: new Date().toISOString(),
    layers: fullCity(town).snapshot(LAYERS),
    epoch: randomUUID(),
  };
  measure("snapshot (Three Rivers, whole city)", { kind: "snapshot", snapshot: townSnapshot }, entitySlotsOf(town));

  console.log("\nWeb Worker hand-off: decoding the columns on the main thread, against a worker decoding them and posting the events back");
  console.log(
    `${"payload".padEnd(26)}${"decode µs".padStart(10)}${"serialize µs".padStart(14)}${"deserialize µs".padStart(16)}` +
      `${"clone bytes".padStart(13)}${"× decode".padStart(10)}`,
  );
  console.log(`${"".padEnd(26)}${"(main now)".padStart(10)}${"(worker)".padStart(14)}${"(main then)".padStart(16)}`);
  workerHandOff(
    `delta, ${UPDATES.toLocaleString("en-US")} updates`,
    encodeColumnarDelta(metroDelta.seq, metroDelta.layers, metroSlots),
    metroSlots,
  );
  workerHandOff("metro viewport answer", encodeColumnarSnapshot(answer, metroSlots), metroSlots);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
