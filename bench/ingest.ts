/**
 * npm run bench:ingest — prints figures, asserts nothing.
 *  1. Ingest throughput: events/s from Kafka (librdkafka mock cluster) through validation into city state.
 *  2. Latency: produce → socket.io client, p50/p99, with the simulator producing at 5,000 events/s.
 * Both run the production path, including the alert rules engine (alerts persisted to in-memory PGlite).
 */
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { io as connect } from "socket.io-client";
import { DEAD_LETTER_TOPIC, LAYERS, TOPIC_BY_LAYER } from "@/lib/contracts/layers";
import { createApp, type TAppConfig } from "@/server/app/create-app";
import { createDatabase, IN_MEMORY_DATA_DIR } from "@/server/db/client";
import { parseServerEnv } from "@/server/env";
import type { TEventSource } from "@/server/ingest/types";
import { loadCityPack } from "@/server/city/load-city-pack";
import { createKafkaSource } from "@/server/ingest/kafka-source";
import { createCityProducer } from "@/server/ingest/kafka-producer";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { startKafkaMock, TEST_CONSUMER_CONFIG, uniqueName, waitFor } from "@/test/kafka-mock";
import { authenticateAs } from "@/test/fixtures/fixed-identity";

const INGEST_EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const LATENCY_RATE = 5_000;
const LATENCY_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = 3;

const { entities, manifest } = await loadCityPack("three-rivers");
const database = await createDatabase({ dataDir: IN_MEMORY_DATA_DIR });

/** The production app as the server assembles it, minus pages, sign-in and the recorder; one in-memory database for both runs. */
function startApp(httpServer: Server, source: TEventSource, timeLimits?: TAppConfig["city"]["timeLimits"]) {
  const env = parseServerEnv({});
  return createApp({
    httpServer,
    http: { maxRequestBodyBytes: env.MAX_REQUEST_BODY_BYTES, trustProxy: false },
    database: { given: database },
    // Sockets get a fixed identity; sign-in is built but never used (a throwaway secret, nothing written).
    auth: {
      env: { ...env, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") },
      demoUsers: false,
      authenticateSocket: authenticateAs("operator"),
    },
    city: { entities, source, flushMs: 100, timeLimits, deadLetters: "discard" },
    parts: { alerts: { escalationSeconds: 120 }, dispatch: { checkInSeconds: env.UNIT_CHECK_IN_SECONDS } },
  });
}
const mock = await startKafkaMock({
  topics: [...Object.values(TOPIC_BY_LAYER).map((name) => ({ name, partitions: 4 })), { name: DEAD_LETTER_TOPIC, partitions: 1 }],
});
console.log(
  `city: ${manifest.name} (${entities.segments.length} segments, ${entities.bins.length} bins, ${entities.units.length} units); Kafka mock at ${mock.brokers}`,
);

try {
  await benchIngest();
  await benchLatency();
} finally {
  await mock.stop();
  await database.close();
}

async function benchIngest() {
  const simulator = new CitySimulator(entities, { seed: 1, ratePerSecond: 10_000 });
  const producer = createCityProducer({ brokers: mock.brokers, clientId: "bench-producer" });
  let produced = 0;
  let simMs = Date.parse("2026-11-24T13:00:00Z");
  while (produced < INGEST_EVENTS) {
    simMs += 1000;
    const messages = simulator.step(simMs, 1000);
    await producer.sendMessages(messages);
    produced += messages.length;
  }
  await producer.disconnect();
  console.log(`ingest: produced ${produced} events; consuming…`);

  const httpServer = createServer();
  const source = createKafkaSource({
    brokers: mock.brokers,
    clientId: "bench-ingest",
    groupId: uniqueName("bench-ingest"),
    topics: Object.values(TOPIC_BY_LAYER),
    deadLetterTopic: DEAD_LETTER_TOPIC,
    fromBeginning: true,
    consumerConfig: TEST_CONSUMER_CONFIG,
  });
  const app = await startApp(httpServer, source, { maxAgeMs: 0 });
  const runtime = app.city;
  await waitFor(() => runtime.stats.read("kafka", null).totalEvents > 0, "first event", 30_000);
  const startMs = performance.now();
  const startCount = runtime.stats.read("kafka", null).totalEvents;
  await waitFor(() => runtime.stats.read("kafka", null).totalEvents >= produced, "all events ingested", 300_000);
  const seconds = (performance.now() - startMs) / 1000;
  const rate = (produced - startCount) / seconds;
  console.log(
    `ingest: ${produced} events from Kafka into city state in ${seconds.toFixed(2)} s → ${Math.round(rate).toLocaleString("en-US")} events/s (goal ≥ 50,000; ratio ${(rate / 50_000).toFixed(2)})`,
  );
  await app.stop();
}

async function benchLatency() {
  const httpServer = createServer();
  const source = createKafkaSource({
    brokers: mock.brokers,
    clientId: "bench-latency",
    groupId: uniqueName("bench-latency"),
    topics: Object.values(TOPIC_BY_LAYER),
    deadLetterTopic: DEAD_LETTER_TOPIC,
    fromBeginning: false,
    consumerConfig: { sessionTimeout: TEST_CONSUMER_CONFIG.sessionTimeout, heartbeatInterval: TEST_CONSUMER_CONFIG.heartbeatInterval },
  });
  const app = await startApp(httpServer, source);
  const runtime = app.city;
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const client = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, { transports: ["websocket"] });
  await client.emitWithAck("city:subscribe", { layers: [...LAYERS] });

  const latencies: number[] = [];
  const ingestLatencies: number[] = [];
  let measuring = false;
  runtime.cityState.onChange((_layer, event) => {
    if (measuring) ingestLatencies.push(Date.now() - Date.parse(event.observedAt));
  });
  client.on("city:delta", (delta) => {
    if (!measuring) return;
    const now = Date.now();
    for (const events of Object.values(delta.layers))
      for (const e of (events ?? []) as { observedAt: string }[]) latencies.push(now - Date.parse(e.observedAt));
  });

  const simulator = new CitySimulator(entities, { seed: 2, ratePerSecond: LATENCY_RATE });
  const producer = createCityProducer({ brokers: mock.brokers, clientId: "bench-latency-producer" });
  const tickMs = 10;
  let last = Date.now();
  let produced = 0;
  // Measuring starts WARMUP_SECONDS after the consumer group has joined and events flow.
  let measureFromMs = Infinity;
  let startMs = Infinity;
  while (Date.now() - measureFromMs < LATENCY_SECONDS * 1000) {
    const now = Date.now();
    if (measureFromMs === Infinity && runtime.stats.read("kafka", null).totalEvents > 0) measureFromMs = now + WARMUP_SECONDS * 1000;
    if (!measuring && now >= measureFromMs) [measuring, startMs, produced] = [true, now, 0];
    // observedAt is the production time, so delta receipt − observedAt = produce → browser latency.
    const messages = simulator.step(now, now - last);
    last = now;
    await producer.sendMessages(messages);
    if (measuring) produced += messages.length;
    const wait = tickMs - (Date.now() - now);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await new Promise((resolve) => setTimeout(resolve, 500)); // let the tail arrive before reading figures
  measuring = false;
  const achieved = produced / ((Date.now() - startMs) / 1000);
  latencies.sort((a, b) => a - b);
  ingestLatencies.sort((a, b) => a - b);
  const percentile = (values: number[], p: number) => values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
  const pct = (p: number) => percentile(latencies, p);
  console.log(`  of which produce → city state: p50 ${percentile(ingestLatencies, 50)} ms, p99 ${percentile(ingestLatencies, 99)} ms`);
  console.log(
    `latency at ${Math.round(achieved)} events/s produced (delta flush every 100 ms): ` +
      `p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)} ms over ${latencies.length} delivered entity updates (goal p99 ≤ 150 ms; ratio ${(pct(99) / 150).toFixed(2)})`,
  );
  client.disconnect();
  await producer.disconnect();
  await app.stop();
}
