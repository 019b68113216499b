import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEAD_LETTER_TOPIC } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { createKafkaSource } from "@/server/ingest/kafka-source";
import {
  connectPublisher,
  forgetMqttSession,
  requireMosquitto,
  SHARED_MOSQUITTO_URL,
  topicOf,
  uniqueTopicPattern,
} from "@/test/fixtures/mosquitto";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { startKafkaMock, TEST_CONSUMER_CONFIG, uniqueName, waitFor, type TKafkaMock } from "@/test/kafka-mock";
import { sampleValue } from "@/test/prometheus-sample";

const TOKEN = "mqtt-edge-test-token-0123456789";

/**
 * The app as createApp assembles it with Kafka and MQTT_URL: the leader bridges MQTT into the city topics, every
 * instance's city reads them from Kafka; the bridge shows in readiness, /metrics and the ingest figures.
 */
let mock: TKafkaMock;
let publisher: MqttClient;
let app: TTestApp;
let cleanup: () => Promise<void>;
const pattern = uniqueTopicPattern();
const bridgeClientId = uniqueName("bridge");

beforeAll(async () => {
  await requireMosquitto();
  mock = await startKafkaMock({
    topics: [...Object.values(TOPIC_BY_LAYER).map((name) => ({ name, partitions: 4 })), { name: DEAD_LETTER_TOPIC, partitions: 1 }],
  });
  publisher = await connectPublisher();
  const opened = await TEST_BACKENDS[0].open();
  cleanup = opened.cleanup;
  app = await startTestApp({
    db: opened.db,
    seedDemoUsers: false,
    metricsToken: TOKEN,
    source: createKafkaSource({
      brokers: mock.brokers,
      clientId: "mqtt-edge-test",
      groupId: uniqueName("city-state"),
      topics: Object.values(TOPIC_BY_LAYER),
      deadLetterTopic: DEAD_LETTER_TOPIC,
      bootstrapReplaySeconds: 60,
      consumerConfig: TEST_CONSUMER_CONFIG,
    }),
    mqttBridge: {
      connection: { url: SHARED_MOSQUITTO_URL, clientId: bridgeClientId, topicPattern: pattern },
      brokers: mock.brokers,
      clientId: "mqtt-edge-test-bridge",
      deadLetterTopic: DEAD_LETTER_TOPIC,
    },
  });
});
afterAll(async () => {
  await app?.close();
  await cleanup?.();
  await publisher?.endAsync();
  await forgetMqttSession(bridgeClientId);
  await mock?.stop();
});

describe("MQTT edge with Kafka", () => {
  it("brings a sensor's MQTT reading into city state through Kafka, and reports the bridge", async () => {
    await waitFor(() => app.runtime.mqttStatus?.().state === "connected", "the bridge subscribed");
    const observedAt = new Date().toISOString();
    const reading = { id: "r1", entityId: "bin-1", observedAt, type: "WasteContainer", fillingLevel: 0.88, status: "ok", temperature: 9 };
    await publisher.publishAsync(topicOf(pattern, "waste", "bin-1"), JSON.stringify(reading), { qos: 1 });

    await waitFor(() => app.city.cityState.latest("waste", "bin-1")?.fillingLevel === 0.88, "bin-1 in city state, read from Kafka", 30_000);
    expect(app.runtime.mqttStatus?.()).toMatchObject({ role: "bridge", state: "connected", acknowledged: 1, unacknowledged: 0 });

    const ready = await app.request("/api/health/ready");
    expect(ready.body.checks.mqttBridge).toEqual({ ok: true });
    const metrics = await app.request("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(sampleValue(metrics.text, "citynerve_mqtt_state", { role: "bridge", state: "connected" })).toBe(1);
  });
});
