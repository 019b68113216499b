/**
 * npm run bench:wire-format — prints figures, asserts nothing.
 * What one live delta and one snapshot cost on the wire in three encodings, measured side by side in one run:
 *   json      today's: socket.io's default parser, the packet `42["city:delta",{…}]` exactly as the hub emits it;
 *   msgpack   the same payload through socket.io-msgpack-parser (the server's `parser` option, notepack.io);
 *   columnar  lib/wire/columnar-delta.ts: typed-array columns keyed by entity slot, one binary attachment
 *             through socket.io's default parser (its header packet plus the attachment).
 * Payloads: a delta of BENCH_UPDATES (10,000) distinct entity updates from the generated metro (built in a scratch
 * folder, as bench:metro-pack; the simulator's mix of layers, coalesced as the hub does), and the town's (Three
 * Rivers) whole snapshot after one full pass of the simulator.
 * Bytes: every frame the parser produces (engine.io adds 1 byte per frame on a WebSocket). Encode: payload → frames
 * (columnar includes building the columns). Decode: frames → the events the store applies (columnar includes
 * turning columns back into event objects), also measured in Node here: V8 as in Chromium, not the browser itself.
 * Medians of BENCH_ROUNDS (15) after 3 warm-up rounds.
 *   BENCH_SEGMENTS, BENCH_SENSORS (metro size, default 50,000 / 100,000), BENCH_UPDATES, BENCH_ROUNDS.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Decoder as JsonDecoder, Encoder as JsonEncoder, PacketType } from "socket.io-parser";
import msgpackParser from "socket.io-msgpack-parser";
import { LAYERS } from "@/lib/contracts/layers";
import { layerOf, type TCityEvent } from "@/lib/contracts/events";
import type { TCityDelta, TColumnarDelta, TLayerEvents } from "@/lib/contracts/realtime";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { decodeColumnarLayers, encodeColumnarDelta } from "@/lib/wire/columnar-delta";
import { entitySlotsOf, type TEntitySlots } from "@/lib/wire/entity-slots";
import { CityState } from "@/server/city/city-state";
import { loadCityPack } from "@/server/city/load-city-pack";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { DeltaCoalescer } from "@/server/realtime/delta-coalescer";
import { buildMetro, METRO_PACK_ID } from "@/scripts/city-pack/build-metro";

const UPDATES = Number(process.env.BENCH_UPDATES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARM_UP = 3;
const segments = Number(process.env.BENCH_SEGMENTS ?? 50_000);
const sensors = Number(process.env.BENCH_SENSORS ?? 100_000);

type TFrames = (string | ArrayBuffer | Uint8Array)[];
type TFormat = { name: string; encode: () => TFrames; decode: (frames: TFrames) => number };

const packet = (event: string, payload: unknown) => ({ type: PacketType.EVENT, nsp: "/", data: [event, payload] });

/** Feeds frames to a socket.io decoder; returns the decoded packet's payload. */
function decodeFrames(decoder: JsonDecoder | InstanceType<typeof msgpackParser.Decoder>, frames: TFrames) {
  let payload: unknown;
  (decoder as JsonDecoder).on("decoded", (p) => {
    payload = (p.data as unknown[])[1];
  });
  for (const frame of frames) decoder.add(frame as never);
  return payload;
}

const countEvents = (layers: TLayerEvents) => LAYERS.reduce((n, layer) => n + (layers[layer]?.length ?? 0), 0);

function formats(event: string, payload: TCityDelta, slots: TEntitySlots): TFormat[] {
  const json = new JsonEncoder();
  const msgpack = new msgpackParser.Encoder();
  return [
    {
      name: "json",
      encode: () => json.encode(packet(event, payload)),
      decode: (frames) => countEvents((decodeFrames(new JsonDecoder(), frames) as TCityDelta).layers),
    },
    {
      name: "msgpack",
      encode: () => msgpack.encode(packet(event, payload)) as unknown as TFrames,
      decode: (frames) => countEvents((decodeFrames(new msgpackParser.Decoder(), frames) as TCityDelta).layers),
    },
    {
      name: "columnar",
      encode: () => json.encode(packet("city:columns", encodeColumnarDelta(payload.seq, payload.layers, slots))),
      decode: (frames) => countEvents(decodeColumnarLayers(decodeFrames(new JsonDecoder(), frames) as TColumnarDelta, slots)),
    },
  ];
}

const frameBytes = (frames: TFrames) => frames.reduce((n, f) => n + (typeof f === "string" ? Buffer.byteLength(f) : f.byteLength), 0);

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function measure(title: string, payload: TCityDelta, slots: TEntitySlots) {
  const entities = countEvents(payload.layers);
  console.log(`\n${title}: ${entities.toLocaleString("en-US")} entity updates`);
  console.log(
    `${"format".padEnd(10)}${"bytes".padStart(12)}${"B/update".padStart(10)}${"encode µs".padStart(12)}${"decode µs".padStart(12)}` +
      `${"× bytes".padStart(9)}${"× enc".padStart(8)}${"× dec".padStart(8)}  frames`,
  );
  const rows = formats(title.startsWith("snapshot") ? "city:snapshot" : "city:delta", payload, slots).map((format) => ({
    format,
    encodeUs: [] as number[],
    decodeUs: [] as number[],
    bytes: 0,
    frames: 0,
  }));
  // Interleaved, so a slow moment of a shared machine falls on every format alike.
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    for (const row of rows) {
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

const scratch = mkdtempSync(path.join(tmpdir(), "bench-wire-"));
try {
  buildMetro({ segments, sensors, seed: 1, outDir: path.join(scratch, "city", METRO_PACK_ID), log: () => {} });
  const metro = (await loadCityPack(METRO_PACK_ID, scratch)).entities;
  const metroDelta = bigDelta(metro);
  const mix = LAYERS.map((layer) => `${layer} ${metroDelta.layers[layer]?.length ?? 0}`).join(", ");
  console.log(
    `medians of ${ROUNDS} rounds (after ${WARM_UP} warm-up), Node ${process.version}; decode measured in Node, not in the browser`,
  );
  console.log(`ratios (×) are to json in the same run; frames = WebSocket frames per message`);
  measure(`delta (metro: ${mix})`, metroDelta, entitySlotsOf(metro));

  const town = (await loadCityPack("three-rivers")).entities;
  const snapshot = fullCity(town).snapshot(LAYERS);
  measure("snapshot (Three Rivers, whole city)", { seq: 1, layers: snapshot }, entitySlotsOf(town));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
