import type { Kafka } from "kafkajs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TEST_CONSUMER_CONFIG, createTestKafka, produceTo, startKafkaMock, uniqueName, waitFor, type TKafkaMock } from "@/test/kafka-mock";
import { chooseBootstrapStarts } from "./kafka-bootstrap";
import { createKafkaSource } from "./kafka-source";
import type { TEventSource, TIngestSink, TRawMessage } from "./types";

// Several instances on librdkafka's mock cluster (tools/kafka-mock): each in a consumer group of its own.
const PARTITIONS = 4;
const TOPIC = {
  shared: uniqueName("shared"),
  late: uniqueName("late"),
  crash: uniqueName("crash"),
  deadLetter: uniqueName("deadletter"),
};

let mock: TKafkaMock;
let kafka: Kafka;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  mock = await startKafkaMock({
    topics: [
      { name: TOPIC.shared, partitions: PARTITIONS },
      { name: TOPIC.late, partitions: PARTITIONS },
      { name: TOPIC.crash, partitions: PARTITIONS },
      { name: TOPIC.deadLetter, partitions: 1 },
    ],
  });
  kafka = createTestKafka(mock.brokers);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await mock?.stop();
});

/** Collects what reaches the pipeline; `gate` holds every batch until it opens; `failOnCall` throws once, on that call. */
function createCollectingSink(gate?: Promise<void>, failOnCall?: number): TIngestSink & { received: TRawMessage[] } {
  const received: TRawMessage[] = [];
  let calls = 0;
  return {
    received,
    async ingestBatch(messages) {
      await gate;
      // A bug in the pipeline: kafkajs does not retry a TypeError, the consumer stops for good.
      if (++calls === failOnCall) throw new TypeError("Cannot read properties of undefined (reading 'zone')");
      received.push(...messages);
      return { accepted: [], rejected: [] };
    },
  };
}

const quiet = { info() {}, warn() {}, error() {} };

/** One instance: a group of its own (`<prefix>.<instance>`), replaying the last five minutes on start. */
async function startInstance(topic: string, groupPrefix: string, instance: string, sink: TIngestSink): Promise<TEventSource> {
  const source = createKafkaSource({
    brokers: mock.brokers,
    clientId: `bootstrap-test-${instance}`,
    groupId: `${groupPrefix}.${instance}`,
    topics: [topic],
    deadLetterTopic: TOPIC.deadLetter,
    bootstrapReplaySeconds: 300,
    consumerConfig: TEST_CONSUMER_CONFIG,
    lagRefreshMs: 200,
    logger: quiet,
    supervision: { restartBackoff: { initialMs: 100, maxMs: 400 } },
  });
  cleanups.push(() => source.stop());
  await source.start(sink);
  return source;
}

/** One reading per entity, spread over every partition. */
const readings = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ partition: i % PARTITIONS, key: `${prefix}-${i}`, value: JSON.stringify({ i }) }));

const keysOf = (messages: TRawMessage[]) => new Set(messages.map((m) => m.key));

describe("chooseBootstrapStarts", () => {
  it("starts at the first message of the replay window where the broker looks offsets up by time", () => {
    const { starts, isByTimestamp } = chooseBootstrapStarts([
      { partition: 0, low: 10n, high: 50n, atCutoff: 42n, atEpoch: 10n },
      // Nothing newer than the cutoff: the broker answers with the end, nothing to replay.
      { partition: 1, low: 0n, high: 8n, atCutoff: 8n, atEpoch: 0n },
      { partition: 2, low: 0n, high: 0n, atCutoff: 0n, atEpoch: 0n },
    ]);
    expect(isByTimestamp).toBe(true);
    expect([...starts]).toEqual([
      [0, 42n],
      [1, 8n],
      [2, 0n],
    ]);
  });

  it("replays every retained message where the broker answers every time with the end (librdkafka's mock)", () => {
    const { starts, isByTimestamp } = chooseBootstrapStarts([
      { partition: 0, low: 10n, high: 50n, atCutoff: 50n, atEpoch: 50n },
      { partition: 1, low: 0n, high: 0n, atCutoff: 0n, atEpoch: 0n },
    ]);
    expect(isByTimestamp).toBe(false);
    expect([...starts]).toEqual([
      [0, 10n],
      [1, 0n],
    ]);
  });
});

describe("every instance holds the whole city", () => {
  it("two instances, each in a group of its own, both receive every entity from every partition, then live ones too", async () => {
    const groupPrefix = uniqueName("city");
    await produceTo(kafka, TOPIC.shared, readings("before", 40));
    const [a, b] = [createCollectingSink(), createCollectingSink()];
    await Promise.all([startInstance(TOPIC.shared, groupPrefix, "a", a), startInstance(TOPIC.shared, groupPrefix, "b", b)]);

    for (const sink of [a, b]) {
      await waitFor(() => keysOf(sink.received).size === 40, "all 40 entities produced before the start");
      expect(new Set(sink.received.map((m) => m.partition))).toEqual(new Set([0, 1, 2, 3]));
    }
    await produceTo(kafka, TOPIC.shared, readings("after", 8));
    for (const sink of [a, b]) await waitFor(() => keysOf(sink.received).size === 48, "the 8 entities produced after the start");
    // One replay, no second pass over the same offsets.
    for (const sink of [a, b]) expect(sink.received).toHaveLength(48);
  });

  it("an instance started after the events were produced is not ready until it replayed up to the ends it saw, then has them all", async () => {
    await produceTo(kafka, TOPIC.late, readings("late", 200));
    let open!: () => void;
    const sink = createCollectingSink(new Promise<void>((resolve) => (open = resolve)));
    const source = await startInstance(TOPIC.late, uniqueName("late"), "fresh", sink);

    const held = await waitFor(() => {
      const readiness = source.readiness?.();
      return readiness?.detail?.startsWith("bootstrapping") ? readiness : null;
    }, "readiness saying the replay is under way");
    expect(held.ok).toBe(false);
    expect(sink.received).toHaveLength(0);

    open();
    await waitFor(() => source.readiness?.().ok, "ready once the replay is done");
    expect(keysOf(sink.received).size).toBe(200);
  });

  it("a consumer that stops mid-replay is replaced by one that carries on where it got to: nothing skipped, nothing replayed twice", async () => {
    await produceTo(kafka, TOPIC.crash, readings("crash", 80));
    const sink = createCollectingSink(undefined, 2);
    const source = await startInstance(TOPIC.crash, uniqueName("crash"), "restarted", sink);

    await waitFor(() => source.status?.().restarts, "a fresh consumer started after the crash", 30_000);
    await waitFor(() => source.readiness?.().ok, "ready once the replay is done", 30_000);
    expect(keysOf(sink.received).size).toBe(80);
    // The batch before the crash was not read again: its partitions went on from where they got to.
    expect(sink.received).toHaveLength(80);
  }, 45_000);
});
