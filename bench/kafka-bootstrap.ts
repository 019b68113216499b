/**
 * npm run bench:bootstrap — prints figures, asserts nothing.
 * How long a fresh instance takes to hold the whole city: the simulator's city is produced to Kafka
 * (librdkafka mock cluster), then a new instance (a consumer group of its own, bootstrap replay) is started
 * through the production path (pipeline, city state, alert rules on in-memory PGlite) and timed until its
 * readiness says it replayed up to the ends it saw at start.
 *   BENCH_REPLAY_EVENTS: events produced before the instance starts (default: one reading per entity;
 *   60 s × SIM_RATE 500 = 30000 is what a real broker replays with the default settings).
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { DEAD_LETTER_TOPIC, LAYERS } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { createApp } from "@/server/app/create-app";
import { loadCityPack } from "@/server/city/load-city-pack";
import { createDatabase, IN_MEMORY_DATA_DIR } from "@/server/db/client";
import { parseServerEnv } from "@/server/env";
import { createCityProducer } from "@/server/ingest/kafka-producer";
import { createKafkaSource } from "@/server/ingest/kafka-source";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { authenticateAs } from "@/test/fixtures/fixed-identity";
import { startKafkaMock, TEST_CONSUMER_CONFIG, uniqueName, waitFor } from "@/test/kafka-mock";

const { entities, manifest } = await loadCityPack("three-rivers");
const sensors =
  entities.segments.length + entities.parking.length + entities.bins.length + entities.substations.length + entities.feeders.length;
const REPLAY_EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? sensors);
const env = parseServerEnv({});

const mock = await startKafkaMock({
  topics: [...Object.values(TOPIC_BY_LAYER).map((name) => ({ name, partitions: 4 })), { name: DEAD_LETTER_TOPIC, partitions: 1 }],
});
const database = await createDatabase({ dataDir: IN_MEMORY_DATA_DIR });
try {
  // The simulator visits every sensor once per `sensors` events; units report every simulated second.
  const simulator = new CitySimulator(entities, { seed: 3, ratePerSecond: sensors, malformedRatio: 0 });
  const producer = createCityProducer({ brokers: mock.brokers, clientId: "bench-bootstrap-producer" });
  let produced = 0;
  let simMs = Date.now() - 300_000;
  while (produced < REPLAY_EVENTS) {
    simMs += 1000;
    const messages = simulator.step(simMs, 1000);
    await producer.sendMessages(messages);
    produced += messages.length;
  }
  await producer.disconnect();
  console.log(
    `city: ${manifest.name}, ${sensors} sensors + ${entities.units.length} units; produced ${produced} events; starting a fresh instance…`,
  );

  const source = createKafkaSource({
    brokers: mock.brokers,
    clientId: "bench-bootstrap",
    groupId: `${uniqueName("bench-bootstrap")}.instance`,
    topics: Object.values(TOPIC_BY_LAYER),
    deadLetterTopic: DEAD_LETTER_TOPIC,
    bootstrapReplaySeconds: env.KAFKA_BOOTSTRAP_REPLAY_SECONDS,
    consumerConfig: TEST_CONSUMER_CONFIG,
    lagRefreshMs: 200,
    logger: { info() {}, warn() {}, error: console.error },
  });
  const startMs = performance.now();
  const app = await createApp({
    httpServer: createServer(),
    http: { maxRequestBodyBytes: env.MAX_REQUEST_BODY_BYTES, trustProxy: false },
    database: { given: database },
    auth: {
      env: { ...env, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") },
      demoUsers: false,
      authenticateSocket: authenticateAs("operator"),
    },
    city: { entities, source, flushMs: 100, deadLetters: "discard" },
    parts: { alerts: { escalationSeconds: 120 }, dispatch: { checkInSeconds: env.UNIT_CHECK_IN_SECONDS } },
  });
  const joinedMs = performance.now();
  await waitFor(() => source.readiness?.().ok, "the fresh instance ready", 300_000);
  const readyMs = performance.now();
  const held = LAYERS.reduce((sum, layer) => sum + app.city.cityState.size(layer), 0);
  console.log(
    `bootstrap: ready ${((readyMs - startMs) / 1000).toFixed(2)} s after start (app and consumer group up in ${((joinedMs - startMs) / 1000).toFixed(2)} s, ` +
      `replay ${((readyMs - joinedMs) / 1000).toFixed(2)} s); ${app.city.stats.read("kafka", null).totalEvents} events ingested, ` +
      `${held} of ${sensors + entities.units.length} entities in city state`,
  );
  await app.stop();
} finally {
  await database.close();
  await mock.stop();
}
