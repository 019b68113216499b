/**
 * npm run bench:ingest — prints figures, asserts nothing.
 *  1. Ingest throughput, against a bare consumer in the same run: N events are produced once to the city topics of a
 *     librdkafka mock cluster, then read from the beginning, interleaved bare, app, bare, app, by
 *     (a) a bare kafkajs consumer with the Kafka source's consumer config doing nothing with them, and
 *     (b) the production ingest path (createApp with the Kafka source: validation, city state, the alert rules
 *         engine with alerts persisted to in-memory PGlite, dispatch).
 *     Goal: app ≥ 0.8 × bare (events/s; also printed: this process's CPU time per event for each, the figure other
 *     work on the machine sways least). Events are dated up to about now. For Three Rivers, then for the metro pack
 *     (100,000 entities; built into public/city/metro/ as `npm run city:metro` does when it is missing; BENCH_METRO=0
 *     skips it).
 *  2. Latency: produce (bench/latency-producer.ts, a child process) → socket.io client at 5,000 events/s, broken down by stage through the latency probe
 *     (server/ingest/latency-probe.ts), with the fixed 100 ms delta window and with the adaptive window, side by side.
 * Env: BENCH_EVENTS (default 100,000 per city), BENCH_SECONDS (default 20 per latency run), BENCH_METRO=0,
 * BENCH_LATENCY=0 (throughput only).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { io as connect } from "socket.io-client";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TCityDelta } from "@/lib/contracts/realtime";
import { DEAD_LETTER_TOPIC, LAYERS } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { createApp, type TAppConfig } from "@/server/app/create-app";
import type { TDatabase } from "@/server/db/client";
import { parseServerEnv } from "@/server/env";
import type { TLatencyProbe } from "@/server/ingest/latency-probe";
import type { TEventSource } from "@/server/ingest/types";
import { loadCityPack } from "@/server/city/load-city-pack";
import { createKafkaSource } from "@/server/ingest/kafka-source";
import { createCityProducer } from "@/server/ingest/kafka-producer";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { buildMetro, METRO_PACK_ID } from "@/scripts/city-pack/build-metro";
import { startKafkaMock, TEST_CONSUMER_CONFIG, uniqueName, waitFor, type TKafkaMock } from "@/test/kafka-mock";
import { authenticateAs } from "@/test/fixtures/fixed-identity";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";

const INGEST_EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const LATENCY_RATE = 5_000;
const LATENCY_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const LATENCY_ROUNDS = 2;
const WARMUP_SECONDS = 3;
const FLUSH_MS = 100;
/** The adaptive window measured against the fixed one (opt-in through DELTA_FLUSH_MIN_MS; the default is fixed). */
const MIN_FLUSH_MS = Number(process.env.BENCH_MIN_FLUSH_MS ?? 25);
const INGEST_GOAL_RATIO = 0.8;
const LATENCY_GOAL_MS = 150;
const CITY_TOPICS = Object.values(TOPIC_BY_LAYER);
/**
 * Alerts are written to PostgreSQL, as in a deployment with Kafka (a fresh database on 127.0.0.1:5432 per city,
 * dropped after). BENCH_DATABASE=pglite writes them to in-memory PGlite instead, whose queries run on the
 * ingest thread: a city's first alerts then slow ingest by an order of magnitude.
 */
const DATABASE_BACKEND = databaseBackend(process.env.BENCH_DATABASE ?? "postgres");
/** What createKafkaSource gives kafkajs in the throughput runs: the bench's consumerConfig replaces its 100 ms long-poll. */
const CONSUMER_CONFIG = TEST_CONSUMER_CONFIG;

type TCity = { packId: string; name: string; entities: TCityEntities };

const STAGES = ["produce→consumed", "consumed→applied", "applied→flushed", "flushed→received", "total"] as const;
type TStage = (typeof STAGES)[number];

console.log(`alerts written to ${DATABASE_BACKEND.kind}`);
const threeRivers = await loadCityPack("three-rivers");
await benchIngest({ packId: "three-rivers", name: threeRivers.manifest.name, entities: threeRivers.entities });
if (process.env.BENCH_METRO !== "0") await benchIngest(await loadMetro());
if (process.env.BENCH_LATENCY !== "0")
  await benchLatency({ packId: "three-rivers", name: threeRivers.manifest.name, entities: threeRivers.entities });

async function loadMetro(): Promise<TCity> {
  const dir = path.join(process.cwd(), "public/city", METRO_PACK_ID);
  if (!existsSync(path.join(dir, "entities.json"))) {
    console.log(`metro pack missing: building it into ${path.relative(process.cwd(), dir)} (as npm run city:metro)…`);
    buildMetro({ segments: 50_000, sensors: 100_000, seed: 1, outDir: dir, log: () => {} });
  }
  const { entities, manifest } = await loadCityPack(METRO_PACK_ID);
  return { packId: METRO_PACK_ID, name: manifest.name, entities };
}

/** A mock cluster with the city topics (4 partitions each, as the other city benches). */
function startCityMock(): Promise<TKafkaMock> {
  return startKafkaMock({ topics: [...CITY_TOPICS.map((name) => ({ name, partitions: 4 })), { name: DEAD_LETTER_TOPIC, partitions: 1 }] });
}

/** The production app as the server assembles it, minus pages, sign-in and the recorder. */
function startApp(
  httpServer: Server,
  options: { city: TCity; source: TEventSource; database: TAppConfig["database"] } & Partial<TAppConfig["city"]>,
) {
  const env = parseServerEnv({});
  const { city, source, database, ...cityConfig } = options;
  return createApp({
    httpServer,
    http: { maxRequestBodyBytes: env.MAX_REQUEST_BODY_BYTES, trustProxy: false },
    database,
    // Sockets get a fixed identity; sign-in is built but never used (a throwaway secret, nothing written).
    auth: {
      env: { ...env, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") },
      demoUsers: false,
      authenticateSocket: authenticateAs("operator"),
    },
    city: { entities: city.entities, source, flushMs: FLUSH_MS, deadLetters: "discard", ...cityConfig },
    parts: { alerts: { escalationSeconds: 120 }, dispatch: { checkInSeconds: env.UNIT_CHECK_IN_SECONDS } },
  });
}

/**
 * Counts consumed events: from the moment the first batch is handed over to the moment the one completing the
 * topic is done, on the same clock for both consumers (Date.now(), as the pipeline stamps receipt).
 */
function createConsumptionClock(expected: number) {
  let consumed = 0;
  let firstMs = 0;
  let lastMs = 0;
  // This process's CPU time over the same span (the mock cluster is another process): less swayed than wall time by
  // other work on the machine. The app's span starts after its first chunk (the probe reports chunks when done).
  let cpuStart: NodeJS.CpuUsage | undefined;
  let cpu: NodeJS.CpuUsage | undefined;
  return {
    /** For the app: how long the ingest pipeline (validation, city state, rules) spent on the chunks. */
    pipelineMs: 0,
    started(atMs: number) {
      if (firstMs === 0) firstMs = atMs;
      cpuStart ??= process.cpuUsage();
    },
    done(count: number) {
      consumed += count;
      if (consumed >= expected && lastMs === 0) {
        lastMs = Date.now();
        cpu = process.cpuUsage(cpuStart);
      }
    },
    async consumedAll(): Promise<TConsumption> {
      await waitFor(() => lastMs > 0, `all ${expected} events consumed`, 600_000);
      const cpuMicros = cpu ? cpu.user + cpu.system : Number.NaN;
      return {
        eventsPerSecond: consumed / ((lastMs - firstMs) / 1000),
        elapsedMs: lastMs - firstMs,
        cpuMicrosPerEvent: cpuMicros / consumed,
      };
    },
  };
}

type TConsumption = { eventsPerSecond: number; elapsedMs: number; cpuMicrosPerEvent: number };

async function consumeBare(mock: TKafkaMock, expected: number): Promise<TConsumption> {
  const kafka = new Kafka({ brokers: mock.brokers, clientId: "bench-bare", logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId: uniqueName("bench-bare"), ...CONSUMER_CONFIG });
  const clock = createConsumptionClock(expected);
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: CITY_TOPICS, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        clock.started(Date.now());
        clock.done(batch.messages.length);
      },
    });
    return await clock.consumedAll();
  } finally {
    await consumer.disconnect();
  }
}

async function consumeApp(
  mock: TKafkaMock,
  city: TCity,
  database: TDatabase,
  expected: number,
): Promise<TConsumption & { pipelineShare: number }> {
  const source = createKafkaSource({
    brokers: mock.brokers,
    clientId: "bench-ingest",
    groupId: uniqueName("bench-ingest"),
    topics: CITY_TOPICS,
    deadLetterTopic: DEAD_LETTER_TOPIC,
    fromBeginning: true,
    consumerConfig: TEST_CONSUMER_CONFIG,
  });
  const clock = createConsumptionClock(expected);
  const probe: TLatencyProbe = {
    applied(events, receivedAtMs) {
      clock.started(receivedAtMs);
      clock.pipelineMs += Date.now() - receivedAtMs;
      clock.done(events.length);
    },
  };
  const app = await startApp(createServer(), {
    city,
    source,
    database: { given: database },
    timeLimits: { maxAgeMs: 0 },
    latencyProbe: probe,
  });
  try {
    const consumption = await clock.consumedAll();
    return { ...consumption, pipelineShare: clock.pipelineMs / consumption.elapsedMs };
  } finally {
    await app.stop();
  }
}

async function benchIngest(city: TCity) {
  const mock = await startCityMock();
  // One database for both app runs of a city, as one server restarting would have.
  const { db: database, cleanup } = await DATABASE_BACKEND.open();
  try {
    const simulator = new CitySimulator(city.entities, { seed: 1, ratePerSecond: 10_000 });
    const producer = createCityProducer({ brokers: mock.brokers, clientId: "bench-producer" });
    let produced = 0;
    let simMs = simulatedStartMs();
    while (produced < INGEST_EVENTS) {
      simMs += 1000;
      const messages = simulator.step(simMs, 1000);
      await producer.sendMessages(messages);
      produced += messages.length;
    }
    await producer.disconnect();
    const entityCount = Object.values(city.entities).reduce((sum, list) => sum + list.length, 0);
    console.log(
      `ingest, ${city.name} (${entityCount.toLocaleString("en-US")} entities): produced ${produced.toLocaleString("en-US")} events once`,
    );

    const runs: { bare: TConsumption[]; app: TConsumption[] } = { bare: [], app: [] };
    for (let round = 1; round <= 2; round++) {
      const bare = await consumeBare(mock, produced);
      const app = await consumeApp(mock, city, database, produced);
      runs.bare.push(bare);
      runs.app.push(app);
      console.log(
        `  round ${round}: bare kafkajs ${formatRate(bare.eventsPerSecond)}, app ${formatRate(app.eventsPerSecond)} events/s; ` +
          `CPU per event: bare ${bare.cpuMicrosPerEvent.toFixed(1)} µs, app ${app.cpuMicrosPerEvent.toFixed(1)} µs ` +
          `(app: ${Math.round(app.pipelineShare * 100)} % of its time in the ingest pipeline — validation, city state, rules; load ${loadAverage()})`,
      );
    }
    const bare = mean(runs.bare.map((r) => r.eventsPerSecond));
    const app = mean(runs.app.map((r) => r.eventsPerSecond));
    const bareCpu = mean(runs.bare.map((r) => r.cpuMicrosPerEvent));
    const appCpu = mean(runs.app.map((r) => r.cpuMicrosPerEvent));
    console.log(
      `  mean: bare ${formatRate(bare)}, app ${formatRate(app)} events/s → app / bare ${(app / bare).toFixed(2)} (goal ≥ ${INGEST_GOAL_RATIO}; ratio to goal ${(app / bare / INGEST_GOAL_RATIO).toFixed(2)}); ` +
        `CPU per event: bare ${bareCpu.toFixed(1)} µs, app ${appCpu.toFixed(1)} µs → bare / app ${(bareCpu / appCpu).toFixed(2)}`,
    );
  } finally {
    await cleanup();
    await mock.stop();
  }
}

async function benchLatency(city: TCity) {
  const windows = [
    { label: `fixed ${FLUSH_MS} ms window (default)`, minFlushMs: undefined },
    { label: `adaptive window ${MIN_FLUSH_MS}–${FLUSH_MS} ms (DELTA_FLUSH_MIN_MS=${MIN_FLUSH_MS})`, minFlushMs: MIN_FLUSH_MS },
  ];
  const results = windows.map((w) => ({
    label: w.label,
    stages: emptyStages(),
    produced: 0,
    seconds: 0,
    flushes: 0,
    loads: [] as string[],
  }));
  // One database for every run: a fresh one opens the city's alerts in the first seconds (hundreds of writes and
  // pushes), which would weigh on whichever run came first. An unmeasured run opens them.
  const { db: database, cleanup } = await DATABASE_BACKEND.open();
  try {
    await measureLatency(city, database, MIN_FLUSH_MS, Math.max(5, LATENCY_SECONDS / 4));
    // Interleaved (before, after, before, after) so that other work on the machine weighs on both alike.
    for (let round = 1; round <= LATENCY_ROUNDS; round++) {
      for (const [index, window] of windows.entries()) {
        const run = await measureLatency(city, database, window.minFlushMs, LATENCY_SECONDS);
        const result = results[index];
        for (const stage of STAGES) result.stages[stage].push(...run.stages[stage]);
        result.produced += run.produced;
        result.seconds += run.seconds;
        result.flushes += run.flushes;
        result.loads.push(loadAverage());
      }
    }
  } finally {
    await cleanup();
  }
  for (const result of results) for (const values of Object.values(result.stages)) values.sort((a, b) => a - b);

  console.log(
    `latency, ${city.name}, produce → browser socket at ${LATENCY_RATE.toLocaleString("en-US")} events/s, p50 / p99 ms per stage:`,
  );
  const cell = (values: number[]) => `${percentile(values, 50)} / ${percentile(values, 99)}`.padStart(10);
  console.log(`  ${"".padEnd(38)}${STAGES.map((s) => s.padStart(18)).join("")}   deltas/s   events/s   load`);
  for (const result of results) {
    console.log(
      `  ${result.label.padEnd(38)}${STAGES.map((s) => cell(result.stages[s]).padStart(18)).join("")}` +
        `${(result.flushes / result.seconds).toFixed(1).padStart(11)}${Math.round(result.produced / result.seconds)
          .toString()
          .padStart(11)}   ${result.loads.join(", ")}`,
    );
  }
  for (const result of results) {
    const p99 = percentile(result.stages.total, 99);
    console.log(
      `  ${result.label}: p99 ${p99} ms over ${result.stages.total.length.toLocaleString("en-US")} delivered entity updates (goal ≤ ${LATENCY_GOAL_MS}; ratio ${(p99 / LATENCY_GOAL_MS).toFixed(2)})`,
    );
  }
}

/** One latency run on a fresh mock cluster and database: the simulator producing in real time, one socket client. */
async function measureLatency(city: TCity, database: TDatabase, minFlushMs: number | undefined, measureSeconds: number) {
  const mock = await startCityMock();
  const httpServer = createServer();
  const source = createKafkaSource({
    brokers: mock.brokers,
    clientId: "bench-latency",
    groupId: uniqueName("bench-latency"),
    topics: CITY_TOPICS,
    deadLetterTopic: DEAD_LETTER_TOPIC,
    fromBeginning: false,
    consumerConfig: { sessionTimeout: TEST_CONSUMER_CONFIG.sessionTimeout, heartbeatInterval: TEST_CONSUMER_CONFIG.heartbeatInterval },
  });

  // Per event id: when the pipeline received it and applied it, and when the hub flushed it. observedAt is the
  // production time (the producer stamps it as it produces, on the same machine's clock).
  let measuring = false;
  const stamps = new Map<string, { consumedAt: number; appliedAt: number; flushedAt?: number }>();
  let flushes = 0;
  let applied = 0;
  const probe: TLatencyProbe = {
    applied(events, receivedAtMs) {
      if (!measuring) return;
      applied += events.length;
      const appliedAt = Date.now();
      for (const event of events) stamps.set(event.id, { consumedAt: receivedAtMs, appliedAt });
    },
    flushed(changes) {
      if (!measuring) return;
      flushes++;
      const flushedAt = Date.now();
      for (const events of Object.values(changes)) {
        for (const event of events ?? []) {
          const stamp = stamps.get(event.id);
          if (stamp) stamp.flushedAt = flushedAt;
        }
      }
    },
  };
  const app = await startApp(httpServer, { city, source, database: { given: database }, minFlushMs, latencyProbe: probe });
  const runtime = app.city;
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const client = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, { transports: ["websocket"] });
  await client.emitWithAck("city:subscribe", { layers: [...LAYERS] });

  const stages = emptyStages();
  client.on("city:delta", (delta: TCityDelta) => {
    const receivedAt = Date.now();
    for (const events of Object.values(delta.layers)) {
      for (const event of events ?? []) {
        const stamp = stamps.get(event.id);
        if (stamp?.flushedAt === undefined) continue; // applied before measuring, or flushed from a backlog
        stamps.delete(event.id);
        const producedAt = Date.parse(event.observedAt);
        stages["produce→consumed"].push(stamp.consumedAt - producedAt);
        stages["consumed→applied"].push(stamp.appliedAt - stamp.consumedAt);
        stages["applied→flushed"].push(stamp.flushedAt - stamp.appliedAt);
        stages["flushed→received"].push(receivedAt - stamp.flushedAt);
        stages.total.push(receivedAt - producedAt);
      }
    }
  });

  const producer = spawn(
    process.execPath,
    ["--import", "tsx", "bench/latency-producer.ts", mock.brokers.join(","), city.packId, String(LATENCY_RATE)],
    {
      stdio: ["pipe", "inherit", "inherit"],
    },
  );
  const producerExited = new Promise((resolve) => producer.once("exit", resolve));
  // Measuring starts WARMUP_SECONDS after the consumer group has joined and events flow.
  await waitFor(() => runtime.stats.read("kafka", null).totalEvents > 0, "first event", 60_000);
  await new Promise((resolve) => setTimeout(resolve, WARMUP_SECONDS * 1000));
  measuring = true;
  const startMs = Date.now();
  await new Promise((resolve) => setTimeout(resolve, measureSeconds * 1000));
  const seconds = (Date.now() - startMs) / 1000;
  const [flushesWhileProducing, appliedWhileProducing] = [flushes, applied];
  producer.stdin.end();
  await producerExited;
  await new Promise((resolve) => setTimeout(resolve, 500)); // let the tail arrive before reading figures
  measuring = false;
  client.disconnect();
  await app.stop();
  await mock.stop();
  return { stages, produced: appliedWhileProducing, seconds, flushes: flushesWhileProducing };
}

function emptyStages(): Record<TStage, number[]> {
  return Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<TStage, number[]>;
}

function databaseBackend(kind: string) {
  const backend = TEST_BACKENDS.find((b) => b.kind === kind);
  if (!backend) throw new Error(`BENCH_DATABASE must be one of ${TEST_BACKENDS.map((b) => b.kind).join(", ")}`);
  return backend;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function loadAverage(): string {
  return os.loadavg()[0].toFixed(1);
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function formatRate(eventsPerSecond: number): string {
  return Math.round(eventsPerSecond).toLocaleString("en-US");
}

/**
 * The events end about now (the simulator sends 10,000 a second). Dated days back, every sensor looked silent to the
 * stale rules at the alert engine's first one-second tick (it ticks on the wall clock): a run lasting past a tick
 * opened thousands of stale alerts and wrote them, a run ending before did not.
 */
function simulatedStartMs(): number {
  return Date.now() - Math.ceil(INGEST_EVENTS / 10_000) * 1000 - 1000;
}
