/**
 * npm run bench:ingest-pipeline — prints figures, asserts nothing.
 * The ingest path without Kafka, to see what it costs per event and to profile it (BENCH_PROFILE below, or bundled
 * with esbuild first for line numbers): the simulator's messages for a city are built once as
 * the bytes a Kafka record carries, in 1,000-message chunks of one topic-partition each (as kafka-batch.ts hands them
 * over), then fed to the production app's ingest sink (createApp: validation, city state, the realtime hub, the alert
 * rules engine with alerts written to a fresh PostgreSQL database, dispatch), one chunk per turn of the event loop.
 * Two rounds per city on fresh apps sharing one database (round 2 starts on round 1's open alerts, as a restart would);
 * after the first chunk the open alerts are read again while events wait, as when Kafka assigns partitions, and the
 * longest event-loop stall is reported (kafkajs must heartbeat within its session timeout, 6 s in bench:ingest).
 * Wall time and the process's CPU time per event (the latter less swayed by other work on the machine).
 * Env: BENCH_EVENTS (default 100,000 per city), BENCH_METRO=0 skips the metro pack, BENCH_PROFILE=<dir> writes a CPU
 * profile of each round's feeding (open it in Chrome DevTools, or sum it by function).
 */
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { createApp } from "@/server/app/create-app";
import { parseServerEnv } from "@/server/env";
import { loadCityPack } from "@/server/city/load-city-pack";
import type { TEventSource, TIngestSink, TRawMessage } from "@/server/ingest/types";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { buildMetro, METRO_PACK_ID } from "@/scripts/city-pack/build-metro";
import { authenticateAs } from "@/test/fixtures/fixed-identity";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const CHUNK = 1000;
const PARTITIONS = 4;
const PROFILE_DIR = process.env.BENCH_PROFILE;

type TCity = { name: string; entities: TCityEntities };

const threeRivers = await loadCityPack("three-rivers");
await benchCity({ name: threeRivers.manifest.name, entities: threeRivers.entities });
if (process.env.BENCH_METRO !== "0") await benchCity(await loadMetro());

async function loadMetro(): Promise<TCity> {
  const dir = path.join(process.cwd(), "public/city", METRO_PACK_ID);
  if (!existsSync(path.join(dir, "entities.json"))) {
    buildMetro({ segments: 50_000, sensors: 100_000, seed: 1, outDir: dir, log: () => {} });
  }
  const { entities, manifest } = await loadCityPack(METRO_PACK_ID);
  return { name: manifest.name, entities };
}

/** The simulator's messages (as bench/ingest.ts produces them) in Kafka-like chunks: one topic-partition each, in order. */
function buildChunks(entities: TCityEntities): { chunks: TRawMessage[][]; count: number } {
  const simulator = new CitySimulator(entities, { seed: 1, ratePerSecond: 10_000 });
  const byPartition = new Map<string, TRawMessage[]>();
  let simMs = simulatedStartMs();
  let count = 0;
  while (count < EVENTS) {
    simMs += 1000;
    for (const { topic, key, value } of simulator.step(simMs, 1000)) {
      const partition = hash(key) % PARTITIONS;
      const id = `${topic}/${partition}`;
      let list = byPartition.get(id);
      if (!list) byPartition.set(id, (list = []));
      const keyBytes = Buffer.from(key);
      list.push({ topic, partition, offset: String(list.length), key, keyBytes, value: Buffer.from(value) });
      count++;
    }
  }
  // Round-robin over the partitions, a chunk at a time, as a consumer fetching them all would.
  const lists = [...byPartition.values()];
  const chunks: TRawMessage[][] = [];
  for (let start = 0; lists.some((l) => l.length > start); start += CHUNK) {
    for (const list of lists) if (list.length > start) chunks.push(list.slice(start, start + CHUNK));
  }
  return { chunks, count };
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/** A source that hands its sink to the bench instead of reading anything. */
function manualSource(): TEventSource & { sink: Promise<TIngestSink> } {
  let resolveSink!: (sink: TIngestSink) => void;
  const sink = new Promise<TIngestSink>((resolve) => (resolveSink = resolve));
  return {
    kind: "kafka",
    sink,
    async start(given) {
      resolveSink(given);
    },
    async stop() {},
    consumerLag: () => 0,
    async inject() {},
  };
}

async function benchCity(city: TCity) {
  const { chunks, count } = buildChunks(city.entities);
  const { db, cleanup } = await TEST_BACKENDS.find((b) => b.kind === "postgres")!.open();
  const env = parseServerEnv({});
  try {
    console.log(`${city.name}: ${count.toLocaleString("en-US")} events in ${chunks.length} chunks`);
    for (let round = 1; round <= 2; round++) {
      const source = manualSource();
      const stalls = monitorEventLoopDelay({ resolution: 10 });
      stalls.enable();
      const startUpMs = performance.now();
      // Reads the open alerts back (round 2: round 1's) before the first event.
      const app = await createApp({
        httpServer: createServer(),
        http: { maxRequestBodyBytes: env.MAX_REQUEST_BODY_BYTES, trustProxy: false },
        database: { given: db },
        auth: {
          env: { ...env, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") },
          demoUsers: false,
          authenticateSocket: authenticateAs("operator"),
        },
        city: { entities: city.entities, source, flushMs: 100, deadLetters: "discard", timeLimits: { maxAgeMs: 0 } },
        parts: { alerts: { escalationSeconds: 120 }, dispatch: { checkInSeconds: env.UNIT_CHECK_IN_SECONDS } },
      });
      const startUp = {
        ms: performance.now() - startUpMs,
        stallMs: stalls.max / 1e6,
        openAlerts: app.city.alerts?.engine.activeEpisodes().length ?? 0,
      };
      stalls.reset();
      const sink = await source.sink;
      let accepted = 0;
      let recovering: Promise<void> | undefined;
      const profiler = PROFILE_DIR ? await startProfiler() : undefined;
      const startMs = performance.now();
      const startCpu = process.cpuUsage();
      for (const [i, chunk] of chunks.entries()) {
        accepted += (await sink.ingestBatch(chunk)).accepted.length;
        // As when Kafka assigns this instance partitions another one owned: open alerts are read again while events wait.
        if (i === 0) recovering = app.city.alerts?.recoverEpisodes();
        await nextTurn(); // the hub's flushes and the alert writes run between chunks, as between Kafka batches
      }
      await recovering; // the events it held are evaluated by then
      const elapsedMs = performance.now() - startMs;
      const cpu = process.cpuUsage(startCpu);
      stalls.disable();
      if (profiler) await profiler.stop(`${city.name.replace(/\W+/g, "-")}-round-${round}.cpuprofile`);
      console.log(
        `  round ${round}: ${((elapsedMs * 1000) / count).toFixed(1)} µs per event (${Math.round(count / (elapsedMs / 1000)).toLocaleString("en-US")} events/s, ` +
          `${accepted.toLocaleString("en-US")} accepted; CPU ${((cpu.user + cpu.system) / count).toFixed(1)} µs per event), longest event-loop stall ${(stalls.max / 1e6).toFixed(0)} ms; ` +
          `start-up with ${startUp.openAlerts.toLocaleString("en-US")} open alerts ${startUp.ms.toFixed(0)} ms (longest stall ${startUp.stallMs.toFixed(0)} ms); load ${os.loadavg()[0].toFixed(1)}`,
      );
      await app.stop();
    }
  } finally {
    await cleanup();
  }
}

async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  return {
    async stop(name: string) {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      mkdirSync(PROFILE_DIR!, { recursive: true });
      writeFileSync(path.join(PROFILE_DIR!, name), JSON.stringify(profile));
    },
  };
}

/**
 * The events end about now (the simulator sends 10,000 a second). Dated days back, every sensor looked silent to the
 * stale rules at the alert engine's first one-second tick (it ticks on the wall clock): a run lasting past a tick
 * opened thousands of stale alerts and wrote them, a run ending before did not.
 */
function simulatedStartMs(): number {
  return Date.now() - Math.ceil(EVENTS / 10_000) * 1000 - 1000;
}
