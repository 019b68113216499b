import { createServer, type Server as HttpServer } from "node:http";
import type { MqttClient } from "mqtt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCityRuntime, type TCityRuntime } from "@/server/city-runtime";
import { authenticateAs } from "@/test/fixtures/fixed-identity";
import {
  connectPublisher,
  forgetMqttSession,
  requireMosquitto,
  SHARED_MOSQUITTO_URL,
  startPrivateMosquitto,
  topicOf,
  uniqueTopicPattern,
} from "@/test/fixtures/mosquitto";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { uniqueName } from "@/test/kafka-mock";
import { waitFor } from "@/test/wait-for";
import type { TMqttConnection } from "./mqtt-connection";
import { createMqttSource } from "./mqtt-source";
import type { TDeadLetter, TEventSource, TIngestSink, TRawMessage } from "./types";

/**
 * The MQTT source (no Kafka) against the machine's real Mosquitto: what sensors publish reaches city state,
 * malformed messages are dead-lettered under their MQTT topic, and QoS 1 with a persistent session loses nothing
 * while the source is away.
 */
let publisher: MqttClient;
const sources: TEventSource[] = [];
const sessions = new Set<string>();

beforeAll(async () => {
  await requireMosquitto();
  publisher = await connectPublisher();
});
afterEach(async () => {
  await Promise.all(sources.splice(0).map((source) => source.stop()));
});
afterAll(async () => {
  await publisher?.endAsync();
  await Promise.all([...sessions].map((clientId) => forgetMqttSession(clientId)));
});

function connectionOf(topicPattern: string): TMqttConnection {
  const clientId = uniqueName("citynerve-test");
  sessions.add(clientId);
  return { url: SHARED_MOSQUITTO_URL, clientId, topicPattern };
}

function startSource(connection: TMqttConnection, sink: TIngestSink, backoffMs = 50): TEventSource {
  const source = createMqttSource(connection, { redeliveryBackoff: { initialMs: backoffMs, maxMs: backoffMs }, log: () => {} });
  sources.push(source);
  void source.start(sink);
  return source;
}

const isConnected = (source: TEventSource) => source.mqttStatus?.().state === "connected";

const bin = (entityId: string, fillingLevel: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: `${entityId}@${fillingLevel}`,
    entityId,
    observedAt: new Date().toISOString(),
    type: "WasteContainer",
    fillingLevel,
    status: "ok",
    temperature: 9,
    ...extra,
  });

/** Records what reaches the sink, in order, and passes nothing on. */
function recordingSink(options: { failOnce?: (message: TRawMessage) => boolean } = {}) {
  const received: TRawMessage[] = [];
  const failed = new Set<string>();
  const sink: TIngestSink = {
    async ingestBatch(messages) {
      for (const message of messages) {
        const text = String(message.value);
        if (options.failOnce?.(message) && !failed.has(text)) {
          failed.add(text);
          throw new Error("the pipeline could not take it");
        }
        received.push(message);
      }
      return { accepted: [], rejected: [] };
    },
  };
  return { sink, received };
}

describe("MQTT source → pipeline → city state", () => {
  let httpServer: HttpServer;
  let runtime: TCityRuntime;
  const stored: TDeadLetter[] = [];
  const pattern = uniqueTopicPattern();

  beforeAll(async () => {
    httpServer = createServer();
    runtime = await startCityRuntime({
      httpServer,
      entities: TINY_CITY,
      flushMs: 50,
      authenticate: authenticateAs("operator"),
      recordDeadLetters: async (letters) => void stored.push(...letters),
      source: createMqttSource(connectionOf(pattern), { log: () => {} }),
    });
    await waitFor(() => isConnected(runtime.source), "the MQTT source subscribed");
  });
  afterAll(async () => {
    await runtime?.stop();
    httpServer?.close();
  });

  it("applies valid messages, taking the entity from the topic when the payload names none", async () => {
    await publisher.publishAsync(topicOf(pattern, "waste", "bin-1"), bin("bin-1", 0.42), { qos: 1 });
    const { entityId: _, ...withoutEntity } = JSON.parse(bin("bin-2", 0.77));
    await publisher.publishAsync(topicOf(pattern, "waste", "bin-2"), JSON.stringify(withoutEntity), { qos: 1 });

    await waitFor(() => runtime.cityState.latest("waste", "bin-1")?.fillingLevel === 0.42, "bin-1 in city state");
    await waitFor(() => runtime.cityState.latest("waste", "bin-2")?.fillingLevel === 0.77, "bin-2 in city state");
    expect(runtime.source.mqttStatus?.()).toMatchObject({ role: "source", state: "connected" });
  });

  it("dead-letters malformed messages with the MQTT topic as their source", async () => {
    const cases = [
      { topic: topicOf(pattern, "waste", "bin-1"), payload: "{not json", reason: /^invalid JSON/ },
      { topic: topicOf(pattern, "waste", "bin-1"), payload: bin("bin-2", 0.5), reason: /^entity mismatch: the MQTT topic names "bin-1"/ },
      {
        topic: topicOf(pattern, "traffic", "bin-1"),
        payload: bin("bin-1", 0.5),
        reason: /^wrong topic: WasteContainer belongs on city.waste/,
      },
      { topic: topicOf(pattern, "waste", "bin-404"), payload: bin("bin-404", 0.5), reason: /^unknown entity/ },
    ];
    for (const { topic, payload } of cases) await publisher.publishAsync(topic, payload, { qos: 1 });

    await waitFor(() => stored.length >= cases.length, `${cases.length} dead letters stored`);
    for (const [index, expected] of cases.entries()) {
      expect(stored[index]).toMatchObject({ topic: expected.topic, sourceKind: "mqtt", payload: expected.payload });
      expect(stored[index].reason).toMatch(expected.reason);
    }
    expect(runtime.cityState.latest("waste", "bin-1")?.fillingLevel).toBe(0.42);
  });
});

describe("MQTT source: QoS 1 and a persistent session", () => {
  it("loses no message published while the source was stopped", async () => {
    const pattern = uniqueTopicPattern();
    const connection = connectionOf(pattern);
    const first = recordingSink();
    const before = startSource(connection, first.sink);
    await waitFor(() => isConnected(before), "the first run subscribed (the session now exists at the broker)");
    await before.stop();

    const count = 50;
    for (let i = 0; i < count; i++) await publisher.publishAsync(topicOf(pattern, "waste", "bin-1"), bin("bin-1", i / 100), { qos: 1 });

    const second = recordingSink();
    startSource(connection, second.sink);
    await waitFor(() => second.received.length >= count, `all ${count} messages after the restart`);
    expect(first.received).toEqual([]);
    expect(second.received.map((m) => JSON.parse(String(m.value)).fillingLevel)).toEqual(Array.from({ length: count }, (_, i) => i / 100));
    expect(second.received.every((m) => m.origin?.topic === topicOf(pattern, "waste", "bin-1") && m.topic === "city.waste")).toBe(true);
  });

  it("does not acknowledge a message the pipeline could not take: the broker delivers it, and those behind it, again in order", async () => {
    const pattern = uniqueTopicPattern();
    const { sink, received } = recordingSink({ failOnce: (m) => JSON.parse(String(m.value)).fillingLevel === 0.03 });
    const source = startSource(connectionOf(pattern), sink);
    await waitFor(() => isConnected(source), "subscribed");

    const count = 6;
    for (let i = 0; i < count; i++) await publisher.publishAsync(topicOf(pattern, "waste", "bin-1"), bin("bin-1", i / 100), { qos: 1 });

    await waitFor(() => received.some((m) => JSON.parse(String(m.value)).fillingLevel === 0.05), "the last message, after the redelivery");
    const levels = received.map((m) => JSON.parse(String(m.value)).fillingLevel);
    expect(levels).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05]);
    expect(source.mqttStatus?.().unacknowledged).toBeGreaterThanOrEqual(1);
    await waitFor(() => isConnected(source), "connected again");
  });
});

describe("MQTT source: broker down", () => {
  it("says the broker is unreachable and not ready while it is down, and takes messages again once it is back", async () => {
    const broker = await startPrivateMosquitto();
    try {
      const pattern = uniqueTopicPattern();
      const { sink, received } = recordingSink();
      const source = startSource({ ...connectionOf(pattern), url: broker.url }, sink);
      await waitFor(() => isConnected(source), "subscribed");
      expect(source.readiness?.()).toEqual({ ok: true });

      await broker.stop();
      await waitFor(() => source.mqttStatus?.().state === "unreachable", "unreachable after a few seconds without a broker");
      expect(source.readiness?.()).toMatchObject({ ok: false, detail: expect.stringMatching(/^MQTT broker unreachable since/) });
      expect(source.status?.()).toMatchObject({ state: "unreachable" });

      await broker.start();
      await waitFor(() => isConnected(source), "connected again once the broker is back");
      const back = await connectPublisher(broker.url);
      await back.publishAsync(topicOf(pattern, "waste", "bin-1"), bin("bin-1", 0.5), { qos: 1 });
      await back.endAsync();
      await waitFor(() => received.length === 1, "the message published after the outage");
    } finally {
      await broker.stop();
    }
  });
});
