import type { Kafka } from "kafkajs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEAD_LETTER_TOPIC } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { CityState } from "@/server/city/city-state";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { recordDeadLetters } from "@/server/db/dead-letters";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { startTcpProxy, type TTcpProxy } from "@/test/fixtures/tcp-proxy";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import {
  collectTopics,
  createTestKafka,
  produceTo,
  startKafkaMock,
  TEST_CONSUMER_CONFIG,
  uniqueName,
  waitFor,
  type TKafkaMock,
} from "@/test/kafka-mock";
import { createDeadLetterBuffer, type TDeadLetterBuffer } from "./dead-letter-buffer";
import { buildEntityRegistry } from "./entity-registry";
import { IngestStats } from "./ingest-stats";
import { DLQ_HEADERS } from "./kafka-batch";
import { createKafkaSource } from "./kafka-source";
import { createIngestPipeline } from "./pipeline";

/**
 * A poison message on a real partition (librdkafka's mock cluster), consumed by the real Kafka source
 * into the real pipeline with real PostgreSQL behind the dead letters. Its JSON parse error quotes a
 * NUL, which PostgreSQL text refuses: storing that reason used to fail the batch forever.
 */

const quiet = { info() {}, warn() {}, error() {} };
const silent = () => {};

let mock: TKafkaMock;
let kafka: Kafka;
let database: TTestPostgres;
let proxy: TTcpProxy;
let db: TDatabase;
let dlq: Awaited<ReturnType<typeof collectTopics>>;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  [mock, database] = await Promise.all([
    startKafkaMock({
      topics: [
        { name: TOPIC_BY_LAYER.waste, partitions: 1 },
        { name: TOPIC_BY_LAYER.parking, partitions: 1 },
        { name: TOPIC_BY_LAYER.energy, partitions: 2 },
        { name: DEAD_LETTER_TOPIC, partitions: 1 },
      ],
    }),
    createTestPostgres(),
  ]);
  kafka = createTestKafka(mock.brokers);
  // Through a TCP proxy, so a test can cut PostgreSQL off as a crash or a network fault would.
  proxy = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(database.url).port) });
  db = await createDatabase({ databaseUrl: proxy.urlThrough(database.url), dataDir: IN_MEMORY_DATA_DIR });
  dlq = await collectTopics(kafka, [DEAD_LETTER_TOPIC]);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await dlq?.stop();
  await proxy?.restore();
  await db?.close();
  await proxy?.close();
  await database?.drop();
  await mock?.stop();
});

const event = (type: "waste" | "parking", id: string) =>
  JSON.stringify(
    type === "waste"
      ? {
          id,
          entityId: "bin-1",
          observedAt: new Date().toISOString(),
          type: "WasteContainer",
          fillingLevel: 0.5,
          status: "ok",
          temperature: 9,
        }
      : {
          id,
          entityId: "parking-1",
          observedAt: new Date().toISOString(),
          type: "OffStreetParking",
          availableSpotNumber: 7,
          totalSpotNumber: 120,
        },
  );

/** Malformed JSON with a NUL and invalid UTF-8, under a key holding both too. */
const POISON = Buffer.concat([Buffer.from('{"id":"p1","entityId":\u0000'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from("}")]);
const POISON_KEY = Buffer.concat([Buffer.from("bin-1\u0000"), Buffer.from([0xff])]);

/** Another instance: a consumer group of its own and a bootstrap replay, as in a scaled-out city. */
type TInstance = { groupId: string; bootstrapReplaySeconds: number; writesDeadLetterTopic: () => boolean };

async function startIngest(topic: string, instance?: TInstance) {
  const cityState = new CityState();
  const stats = new IngestStats();
  const deadLetters: TDeadLetterBuffer = createDeadLetterBuffer({
    store: (letters) => recordDeadLetters(db.prisma, letters, "kafka"),
    isReachable: async () => (await db.ping.check(0)).ok,
    retry: { initialMs: 50, maxMs: 500 },
    log: silent,
  });
  const groupId = instance?.groupId ?? uniqueName("poison");
  const source = createKafkaSource({
    brokers: mock.brokers,
    clientId: "poison-test",
    groupId,
    topics: [topic],
    deadLetterTopic: DEAD_LETTER_TOPIC,
    fromBeginning: true,
    consumerConfig: TEST_CONSUMER_CONFIG,
    logger: quiet,
    ...instance,
  });
  cleanups.push(
    () => deadLetters.stop({ timeoutMs: 1000 }),
    () => source.stop(),
  );
  await source.start(createIngestPipeline({ registry: buildEntityRegistry(TINY_CITY), cityState, stats, deadLetters }));
  return { cityState, stats, deadLetters, groupId };
}

async function committedOffset(groupId: string, topic: string): Promise<string> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return result.partitions[0].offset;
  } finally {
    await admin.disconnect();
  }
}

async function committedOffsets(groupId: string, topic: string): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return result.partitions.sort((x, y) => x.partition - y.partition).map((p) => p.offset);
  } finally {
    await admin.disconnect();
  }
}

const lettersFrom = (topic: string) => dlq.messages.filter((m) => m.headers?.[DLQ_HEADERS.sourceTopic]?.toString() === topic);

describe("a poison message on a Kafka partition", () => {
  it("is dead-lettered on city.deadletter and in PostgreSQL, and the valid events behind it are applied and committed", async () => {
    const topic = TOPIC_BY_LAYER.waste;
    await produceTo(kafka, topic, [
      { key: POISON_KEY, value: POISON },
      ...["e1", "e2", "e3"].map((id) => ({ key: "bin-1", value: event("waste", id) })),
    ]);
    const { cityState, stats, deadLetters, groupId } = await startIngest(topic);

    await waitFor(() => cityState.latest("waste", "bin-1")?.id === "e3", "the valid events behind the poison message applied");
    await waitFor(async () => (await committedOffset(groupId, topic)) === "4", "the offset committed past all four messages");
    expect(stats.read("kafka", null)).toMatchObject({ totalEvents: 3, deadLettered: 1 });

    const [onTopic] = await waitFor(
      () => (lettersFrom(topic).length === 1 ? lettersFrom(topic) : null),
      "the dead letter on city.deadletter",
    );
    expect(onTopic.value).toEqual(POISON);
    expect(onTopic.key).toEqual(POISON_KEY);
    expect(onTopic.headers?.[DLQ_HEADERS.sourceOffset]?.toString()).toBe("0");
    expect(onTopic.headers?.[DLQ_HEADERS.reason]?.toString()).toMatch(/^invalid JSON/);

    await deadLetters.flush();
    const rows = await db.prisma.deadLetter.findMany({ where: { sourceTopic: topic } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sourceOffset: "0", sourcePartition: 0, key: "bin-1\u2400\ufffd", payloadSize: POISON.length });
    expect(rows[0].reason).toMatch(/^invalid JSON: .*\u2400/); // the parse error quoted the NUL
    expect(Buffer.from(rows[0].payloadBytes!)).toEqual(POISON);
    expect(deadLetters.stats()).toMatchObject({ stored: 1, storedMinimal: 0, unstorable: 0 });
  });

  it("with PostgreSQL cut off: valid events keep flowing and commit, the letter waits, and is stored when PostgreSQL returns", async () => {
    const topic = TOPIC_BY_LAYER.parking;
    await proxy.cut();
    await produceTo(kafka, topic, [
      { key: "parking-1", value: POISON },
      ...["p1", "p2"].map((id) => ({ key: "parking-1", value: event("parking", id) })),
    ]);
    const { cityState, deadLetters, groupId } = await startIngest(topic);

    await waitFor(() => cityState.latest("parking", "parking-1")?.id === "p2", "valid events applied with PostgreSQL down");
    await waitFor(async () => (await committedOffset(groupId, topic)) === "3", "the offset committed past the poison message");
    await waitFor(() => lettersFrom(topic).length === 1, "the dead letter on city.deadletter");
    await waitFor(() => deadLetters.stats().unreachableSince !== null, "the writer to find PostgreSQL unreachable");
    expect(deadLetters.stats()).toMatchObject({ waiting: 1, stored: 0 });

    await proxy.restore();
    await deadLetters.flush();
    expect(deadLetters.stats()).toMatchObject({ waiting: 0, stored: 1, droppedAtBound: 0, unstorable: 0, unreachableSince: null });
    expect(await db.prisma.deadLetter.count({ where: { sourceTopic: topic } })).toBe(1);
  });

  it("read by two instances (each in a group of its own): stored once in PostgreSQL, written once to city.deadletter", async () => {
    const topic = TOPIC_BY_LAYER.energy;
    await produceTo(kafka, topic, [
      { key: "feeder-1", value: POISON, partition: 0 },
      { key: "feeder-2", value: POISON, partition: 1 },
    ]);
    const group = uniqueName("instances");
    const [a, b] = await Promise.all([
      startIngest(topic, { groupId: `${group}.a`, bootstrapReplaySeconds: 300, writesDeadLetterTopic: () => true }),
      startIngest(topic, { groupId: `${group}.b`, bootstrapReplaySeconds: 300, writesDeadLetterTopic: () => false }),
    ]);

    for (const instance of [a, b]) {
      await waitFor(() => instance.stats.read("kafka", null).deadLettered === 2, "both poison messages rejected by each instance");
      await instance.deadLetters.flush();
      expect(instance.deadLetters.stats()).toMatchObject({ waiting: 0, unstorable: 0 });
    }
    const rows = await db.prisma.deadLetter.findMany({ where: { sourceTopic: topic }, orderBy: { sourcePartition: "asc" } });
    expect(rows.map((r) => [r.sourcePartition, r.sourceOffset, r.sourceKind])).toEqual([
      [0, "0", "kafka"],
      [1, "0", "kafka"],
    ]);
    await waitFor(() => lettersFrom(topic).length === 2, "the writer's two dead letters on city.deadletter");
    // Both instances committed past the poison messages, so nothing more can arrive: the other wrote none.
    for (const instance of [a, b]) {
      await waitFor(async () => (await committedOffsets(instance.groupId, topic)).join() === "1,1", "committed past both");
    }
    // Everything on city.deadletter by now read back: the other instance's copies would be among it.
    const admin = kafka.admin();
    await admin.connect();
    const [end] = await admin.fetchTopicOffsets(DEAD_LETTER_TOPIC).finally(() => admin.disconnect());
    await waitFor(() => dlq.messages.length === Number(end.high), "city.deadletter read to its end");
    expect(lettersFrom(topic)).toHaveLength(2);
  });
});
