import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CityState } from "@/server/city/city-state";
import { createDeadLetterBuffer } from "@/server/ingest/dead-letter-buffer";
import { buildEntityRegistry } from "@/server/ingest/entity-registry";
import { IngestStats } from "@/server/ingest/ingest-stats";
import { createKafkaSource } from "@/server/ingest/kafka-source";
import { createIngestPipeline } from "@/server/ingest/pipeline";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createTestKafka, produceTo, startKafkaMock, TEST_CONSUMER_CONFIG, uniqueName, waitFor, type TKafkaMock } from "@/test/kafka-mock";
import { sampleValue } from "@/test/prometheus-sample";
import { registerIngestMetrics } from "./ingest-metrics";
import { createMetricsRegistry } from "./metrics-registry";

const TOPIC = uniqueName("metrics-lag");
const DEAD_LETTER_TOPIC = uniqueName("metrics-deadletter");
let mock: TKafkaMock;

beforeAll(async () => {
  mock = await startKafkaMock({
    topics: [
      { name: TOPIC, partitions: 2 },
      { name: DEAD_LETTER_TOPIC, partitions: 1 },
    ],
  });
});
afterAll(async () => {
  await mock?.stop();
});

/** Kafka (librdkafka's mock cluster) → the real source and pipeline → what a scrape reads. */
describe("ingest metrics on Kafka", () => {
  it("shows lag per partition while the pipeline is held, zero once it caught up, and the messages counted by topic", async () => {
    await produceTo(createTestKafka(mock.brokers), TOPIC, [
      ...Array.from({ length: 5 }, (_, i) => ({ partition: 0, value: `not an event ${i}` })),
      ...Array.from({ length: 3 }, (_, i) => ({ partition: 1, value: `not an event ${i}` })),
    ]);
    const stats = new IngestStats();
    const deadLetters = createDeadLetterBuffer({ store: async () => {}, isReachable: async () => true });
    const pipeline = createIngestPipeline({ registry: buildEntityRegistry(TINY_CITY), cityState: new CityState(), stats, deadLetters });
    const source = createKafkaSource({
      brokers: mock.brokers,
      clientId: "metrics-test",
      groupId: uniqueName("metrics-group"),
      topics: [TOPIC],
      deadLetterTopic: DEAD_LETTER_TOPIC,
      fromBeginning: true,
      consumerConfig: TEST_CONSUMER_CONFIG,
      lagRefreshMs: 200,
    });
    const registry = createMetricsRegistry();
    registerIngestMetrics(registry, { stats, source, deadLetters });
    const lagOf = (text: string, partition: number) =>
      sampleValue(text, "citynerve_kafka_consumer_lag", { topic: TOPIC, partition: String(partition) });

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await source.start({ ingestBatch: async (messages) => held.then(() => pipeline.ingestBatch(messages)) });
    try {
      await waitFor(async () => {
        const text = await registry.metrics();
        return lagOf(text, 0) === 5 && lagOf(text, 1) === 3;
      }, "lag 5 and 3 on the two partitions");

      release();
      const caughtUp = await waitFor(async () => {
        const text = await registry.metrics();
        return lagOf(text, 0) === 0 && lagOf(text, 1) === 0 ? text : undefined;
      }, "lag back to 0");
      expect(sampleValue(caughtUp, "citynerve_events_total", { topic: TOPIC, outcome: "dead_lettered" })).toBe(8);
      expect(sampleValue(caughtUp, "citynerve_events_total", { topic: TOPIC, outcome: "accepted" })).toBe(0);
    } finally {
      await source.stop();
      await deadLetters.stop();
    }
  });
});
