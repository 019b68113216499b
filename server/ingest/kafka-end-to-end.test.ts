import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEAD_LETTER_TOPIC } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import type { TCityDelta, TCitySnapshot, TClientToServerEvents, TServerToClientEvents } from "@/lib/contracts/realtime";
import { startCityRuntime, type TCityRuntime } from "@/server/city-runtime";
import type { TDeadLetter } from "@/server/ingest/types";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import {
  collectTopics,
  createTestKafka,
  startKafkaMock,
  TEST_CONSUMER_CONFIG,
  uniqueName,
  waitFor,
  type TKafkaMock,
} from "@/test/kafka-mock";
import { buildEntityRegistry } from "./entity-registry";
import { createKafkaSource } from "./kafka-source";
import { validateMessage } from "./validate-message";
import { createCityProducer } from "./kafka-producer";
import { CitySimulator } from "./simulator/city-simulator";
import { authenticateAs } from "@/test/fixtures/fixed-identity";

/**
 * The whole data path with real parts: simulator → Kafka (librdkafka mock cluster,
 * real wire protocol) → kafkajs consumer group → validation → city state →
 * socket.io → a socket.io client.
 */
let mock: TKafkaMock;
let httpServer: HttpServer;
let runtime: TCityRuntime;
let client: Socket<TServerToClientEvents, TClientToServerEvents>;
const storedDeadLetters: TDeadLetter[] = [];
const START_MS = Date.parse("2026-11-24T13:00:00Z");

beforeAll(async () => {
  mock = await startKafkaMock({
    topics: [...Object.values(TOPIC_BY_LAYER).map((name) => ({ name, partitions: 4 })), { name: DEAD_LETTER_TOPIC, partitions: 1 }],
  });
  httpServer = createServer();
  runtime = await startCityRuntime({
    httpServer,
    entities: TINY_CITY,
    flushMs: 50,
    authenticate: authenticateAs("operator"),
    recordDeadLetters: async (letters) => void storedDeadLetters.push(...letters),
    timeLimits: { maxAgeMs: 0 }, // the simulator starts at 2026-11-24
    source: createKafkaSource({
      brokers: mock.brokers,
      clientId: "e2e-test",
      groupId: uniqueName("city-state"),
      topics: Object.values(TOPIC_BY_LAYER),
      deadLetterTopic: DEAD_LETTER_TOPIC,
      fromBeginning: true,
      consumerConfig: TEST_CONSUMER_CONFIG,
    }),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  client = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, { transports: ["websocket"] });
});

afterAll(async () => {
  client?.disconnect();
  await runtime?.stop();
  await new Promise((resolve) => httpServer?.close(resolve));
  await mock?.stop();
});

describe("simulator → Kafka → consumer → city state → socket.io", () => {
  it("delivers a snapshot and live deltas, and dead-letters malformed messages while valid ones keep flowing", async () => {
    const deltas: TCityDelta[] = [];
    client.on("city:delta", (delta) => deltas.push(delta));
    const response = await client.emitWithAck("city:subscribe", { layers: ["traffic", "waste", "units"] });
    expect(response.ok).toBe(true);

    const simulator = new CitySimulator(TINY_CITY, { seed: 11, ratePerSecond: 40, malformedRatio: 0.1 });
    const producer = createCityProducer({ brokers: mock.brokers, clientId: "e2e-simulator" });
    const sent = [];
    for (let second = 1; second <= 30; second++) {
      const messages = simulator.step(START_MS + second * 1000, 1000);
      sent.push(...messages);
      await producer.sendMessages(messages);
    }
    await producer.disconnect();
    const malformed = sent.filter((m) => !isValidForTinyCity(m));
    expect(malformed.length).toBeGreaterThan(20);

    // Every message is accounted for: applied or dead-lettered, none lost.
    await waitFor(
      () => runtime.stats.read("kafka", null).totalEvents + storedDeadLetters.length === sent.length,
      `all ${sent.length} messages processed`,
      60_000,
    );
    expect(storedDeadLetters).toHaveLength(malformed.length);

    // The dead-letter topic holds each malformed message with its reason and origin.
    const kafka = createTestKafka(mock.brokers);
    const dlq = await collectTopics(kafka, [DEAD_LETTER_TOPIC]);
    try {
      await waitFor(() => dlq.messages.length === malformed.length, "dead letters on the DLQ topic");
      const letter = dlq.messages[0];
      const header = (name: string) => letter.headers?.[name]?.toString();
      expect(header("x-dlq-reason")).toMatch(/^(invalid JSON|schema|unknown entity)/);
      expect(Object.values(TOPIC_BY_LAYER)).toContain(header("x-dlq-source-topic"));
      expect(Number(header("x-dlq-source-offset"))).toBeGreaterThanOrEqual(0);
      expect(malformed.map((m) => m.value)).toContain(letter.value?.toString());
    } finally {
      await dlq.stop();
    }

    // The client received deltas carrying the latest simulated values.
    const lastTraffic = lastValid(sent, "city.traffic", "seg-ab");
    await waitFor(
      () => deltas.some((d) => d.layers.traffic?.some((e) => e.id === lastTraffic.id)),
      "a delta with the newest reading of seg-ab",
    );
    expect(deltas.some((d) => d.layers.parking)).toBe(false); // not subscribed

    // A fresh subscription (what a reconnecting browser does) gets the same state as a snapshot.
    const resync = await client.emitWithAck("city:subscribe", { layers: ["traffic"] });
    const snapshot = (resync as { ok: true; data: TCitySnapshot }).data;
    expect(snapshot.layers.traffic?.find((e) => e.entityId === "seg-ab")?.id).toBe(lastTraffic.id);
  });
});

const registry = buildEntityRegistry(TINY_CITY);
const isValidForTinyCity = (message: { topic: string; value: string }) =>
  validateMessage({ ...message, partition: 0, offset: "0" }, registry).ok;

function lastValid(sent: { topic: string; value: string }[], topic: string, entityId: string): { id: string } {
  const match = sent
    .filter((m) => m.topic === topic && isValidForTinyCity(m))
    .map((m) => JSON.parse(m.value))
    .filter((e) => e.entityId === entityId);
  return match.at(-1);
}
