import type { MqttClient } from "mqtt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEAD_LETTER_TOPIC } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { CityState } from "@/server/city/city-state";
import {
  connectPublisher,
  forgetMqttSession,
  requireMosquitto,
  SHARED_MOSQUITTO_URL,
  topicOf,
  uniqueTopicPattern,
} from "@/test/fixtures/mosquitto";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import {
  collectTopics,
  createTestKafka,
  KAFKA_API,
  KAFKA_ERROR,
  startKafkaMock,
  uniqueName,
  waitFor,
  type TKafkaMock,
} from "@/test/kafka-mock";
import { buildEntityRegistry } from "./entity-registry";
import { IngestStats } from "./ingest-stats";
import { DLQ_HEADERS } from "./kafka-batch";
import { createMqttKafkaBridge, type TMqttKafkaBridge } from "./mqtt-kafka-bridge";
import { createIngestPipeline } from "./pipeline";
import type { TDeadLetter } from "./types";

/**
 * MQTT (the machine's real Mosquitto) → bridge → Kafka (librdkafka's mock cluster): valid messages land on their
 * domain's topic keyed by entity, malformed ones on the dead-letter topic under their MQTT topic, and a message is
 * acknowledged to MQTT only after Kafka took it: a produce that fails leaves it with the broker.
 */
let mock: TKafkaMock;
let publisher: MqttClient;
let collected: Awaited<ReturnType<typeof collectTopics>>;
const bridges: TMqttKafkaBridge[] = [];
const sessions = new Set<string>();
const enqueued: TDeadLetter[] = [];
const cityState = new CityState();
const pipeline = createIngestPipeline({
  registry: buildEntityRegistry(TINY_CITY),
  cityState,
  stats: new IngestStats(),
  deadLetters: { enqueue: (letters) => void enqueued.push(...letters) },
});

beforeAll(async () => {
  await requireMosquitto();
  mock = await startKafkaMock({
    topics: [...Object.values(TOPIC_BY_LAYER).map((name) => ({ name, partitions: 4 })), { name: DEAD_LETTER_TOPIC, partitions: 1 }],
  });
  publisher = await connectPublisher();
  collected = await collectTopics(createTestKafka(mock.brokers), [...Object.values(TOPIC_BY_LAYER), DEAD_LETTER_TOPIC]);
});
afterEach(async () => {
  await Promise.all(bridges.splice(0).map((bridge) => bridge.leaderWork.stop()));
});
afterAll(async () => {
  await collected?.stop();
  await publisher?.endAsync();
  await Promise.all([...sessions].map((clientId) => forgetMqttSession(clientId)));
  await mock?.stop();
});

function startBridge(topicPattern: string, clientId: string): TMqttKafkaBridge {
  sessions.add(clientId);
  const bridge = createMqttKafkaBridge({
    connection: { url: SHARED_MOSQUITTO_URL, clientId, topicPattern },
    brokers: mock.brokers,
    clientId: "bridge-test",
    deadLetterTopic: DEAD_LETTER_TOPIC,
    screenBatch: () => pipeline.screenBatch,
    // A produce fails at once (no kafkajs retry): the message is left to the broker's redelivery.
    retry: { retries: 0, initialRetryTime: 50 },
    redeliveryBackoff: { initialMs: 100, maxMs: 100 },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  bridges.push(bridge);
  void bridge.leaderWork.start();
  return bridge;
}

const reading = (entityId: string, fillingLevel: number) =>
  JSON.stringify({
    id: `${entityId}@${fillingLevel}`,
    entityId,
    observedAt: new Date().toISOString(),
    type: "WasteContainer",
    fillingLevel,
    status: "ok",
    temperature: 9,
  });

const onKafka = (topic: string, predicate: (value: string) => boolean) =>
  collected.messages.filter((m) => m.topic === topic && predicate(String(m.value)));
/** The first match, or undefined (an empty list would satisfy waitFor). */
const firstOnKafka = (topic: string, predicate: (value: string) => boolean) => onKafka(topic, predicate)[0];

describe("MQTT → Kafka bridge", () => {
  it("forwards valid messages as they came to their domain's topic, keyed by entity, without applying them here", async () => {
    const pattern = uniqueTopicPattern();
    const bridge = startBridge(pattern, uniqueName("bridge"));
    await waitFor(() => bridge.status().state === "connected", "the bridge subscribed");

    const payload = reading("bin-1", 0.61);
    await publisher.publishAsync(topicOf(pattern, "waste", "bin-1"), payload, { qos: 1 });

    const forwarded = await waitFor(() => firstOnKafka(TOPIC_BY_LAYER.waste, (v) => v === payload), "on city.waste");
    expect(forwarded.key?.toString()).toBe("bin-1");
    expect(cityState.latest("waste", "bin-1")).toBeUndefined(); // the city reads it from Kafka
    await waitFor(() => bridge.status().acknowledged === 1, "acknowledged to MQTT");
  });

  it("dead-letters a malformed message to the dead-letter topic and PostgreSQL's buffer, under its MQTT topic", async () => {
    const pattern = uniqueTopicPattern();
    const bridge = startBridge(pattern, uniqueName("bridge"));
    await waitFor(() => bridge.status().state === "connected", "the bridge subscribed");
    const topic = topicOf(pattern, "waste", "bin-1");
    const marker = uniqueName("broken");

    await publisher.publishAsync(topic, `{"${marker}"`, { qos: 1 });

    const letter = await waitFor(() => firstOnKafka(DEAD_LETTER_TOPIC, (v) => v.includes(marker)), "on the dead-letter topic");
    expect(String(letter.headers?.[DLQ_HEADERS.sourceTopic])).toBe(topic);
    expect(String(letter.headers?.[DLQ_HEADERS.sourceKind])).toBe("mqtt");
    expect(String(letter.headers?.[DLQ_HEADERS.reason])).toMatch(/^invalid JSON/);
    expect(enqueued.find((l) => l.payload?.includes(marker))).toMatchObject({ topic, sourceKind: "mqtt" });
  });

  it("acknowledges only after Kafka took the message: a failed produce leaves it with the broker, which delivers it to the next bridge", async () => {
    const pattern = uniqueTopicPattern();
    const clientId = uniqueName("bridge");
    const first = startBridge(pattern, clientId);
    await waitFor(() => first.status().state === "connected", "the bridge subscribed");

    // Every produce fails until the bridge is stopped (more errors than it tries in the meantime, 100 ms apart).
    await mock.pushRequestErrors(KAFKA_API.Produce, Array(PRODUCE_ERRORS).fill(KAFKA_ERROR.NOT_LEADER_FOR_PARTITION));
    const payload = reading("bin-2", 0.33);
    await publisher.publishAsync(topicOf(pattern, "waste", "bin-2"), payload, { qos: 1 });
    await waitFor(() => first.status().unacknowledged >= 1, "the message left unacknowledged");
    await first.leaderWork.stop();
    expect(first.status()).toMatchObject({ state: "standby", acknowledged: 0 });
    expect(onKafka(TOPIC_BY_LAYER.waste, (v) => v === payload)).toEqual([]);

    await drainProduceErrors();

    const second = startBridge(pattern, clientId);
    await waitFor(() => onKafka(TOPIC_BY_LAYER.waste, (v) => v === payload).length >= 1, "the message on Kafka after the restart", 30_000);
    await waitFor(() => second.status().acknowledged >= 1, "acknowledged by the second bridge");
  });
});

const PRODUCE_ERRORS = 60;

/** Uses up the produce errors queued on the mock with throwaway produces that are allowed to fail. */
async function drainProduceErrors(): Promise<void> {
  const producer = createTestKafka(mock.brokers, "drain").producer({ retry: { retries: 0 } });
  await producer.connect();
  try {
    for (;;) {
      const ok = await producer.send({ topic: "drain", messages: [{ value: "x" }] }).then(
        () => true,
        () => false,
      );
      if (ok) return;
    }
  } finally {
    await producer.disconnect();
  }
}
