import type { Kafka } from "kafkajs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import {
  TEST_CONSUMER_CONFIG,
  collectTopics,
  createTestKafka,
  produceTo,
  startKafkaMock,
  uniqueName,
  waitFor,
  type TKafkaMock,
} from "@/test/kafka-mock";
import { DLQ_HEADERS } from "./kafka-batch";
import type { TKafkaLogger } from "./kafka-log";
import { createKafkaSource, type TKafkaSourceOptions } from "./kafka-source";
import type { TDeadLetter, TEventSource, TIngestSink, TRawMessage } from "./types";

// Runs against librdkafka's mock cluster (tools/kafka-mock): real wire protocol, real consumer groups.
const TOPIC = {
  ordered: uniqueName("ordered"),
  mixed: uniqueName("mixed"),
  deadLetter: uniqueName("deadletter"),
  resume: uniqueName("resume"),
  lag: uniqueName("lag"),
};

let mock: TKafkaMock;
let kafka: Kafka;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  mock = await startKafkaMock({
    topics: [
      { name: TOPIC.ordered, partitions: 2 },
      { name: TOPIC.mixed, partitions: 1 },
      { name: TOPIC.deadLetter, partitions: 1 },
      { name: TOPIC.resume, partitions: 1 },
      { name: TOPIC.lag, partitions: 2 },
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

/** Stands in for the real pipeline: rejects what isn't JSON or carries "bad": true. */
type TTestSink = TIngestSink & {
  received: TRawMessage[];
  accepted: TRawMessage[];
  calls: number;
  /** Runs before each batch: throw to fail it, or await to hold the consumer mid-batch. */
  beforeBatch?: (call: number) => Promise<void> | void;
};

function createTestSink(): TTestSink {
  const sink: TTestSink = {
    received: [],
    accepted: [],
    calls: 0,
    async ingestBatch(messages) {
      await sink.beforeBatch?.(++sink.calls);
      sink.received.push(...messages);
      const accepted: TCityEvent[] = [];
      const rejected: TDeadLetter[] = [];
      for (const message of messages) {
        const reason = rejectReason(message);
        if (reason) {
          rejected.push({ ...message, key: message.key ?? null, reason, payload: String(message.value), receivedAt: new Date() });
        } else {
          sink.accepted.push(message);
          accepted.push(JSON.parse(String(message.value)) as TCityEvent);
        }
      }
      return { accepted, rejected };
    },
  };
  return sink;
}

function rejectReason(message: TRawMessage): string | null {
  try {
    const value = JSON.parse(String(message.value)) as { bad?: unknown } | null;
    return value?.bad === true ? "marked bad" : null;
  } catch {
    return "invalid JSON";
  }
}

const silentLogger = (): TKafkaLogger & { errors: string[] } => {
  const errors: string[] = [];
  return { errors, info() {}, warn() {}, error: (message) => void errors.push(message) };
};

async function startSource(sink: TIngestSink, options: Partial<TKafkaSourceOptions> & { topics: string[] }): Promise<TEventSource> {
  const source = createKafkaSource({
    brokers: mock.brokers,
    clientId: "kafka-source-test",
    groupId: uniqueName("group"),
    deadLetterTopic: TOPIC.deadLetter,
    fromBeginning: true,
    consumerConfig: TEST_CONSUMER_CONFIG,
    lagRefreshMs: 200,
    logger: silentLogger(),
    ...options,
  });
  cleanups.push(() => source.stop());
  await source.start(sink);
  return source;
}

async function committedOffsets(groupId: string, topic: string): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return result.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset);
  } finally {
    await admin.disconnect();
  }
}

const seqs = (messages: TRawMessage[]) => messages.map((m) => (JSON.parse(String(m.value)) as { seq: number }).seq);

describe("kafka source", () => {
  it("hands every message to the sink, in order per partition", async () => {
    const messages = Array.from({ length: 40 }, (_, seq) => ({
      partition: seq % 2,
      key: `entity-${seq % 5}`,
      value: JSON.stringify({ seq }),
    }));
    await produceTo(kafka, TOPIC.ordered, messages);

    const sink = createTestSink();
    await startSource(sink, { topics: [TOPIC.ordered] });
    await waitFor(() => sink.received.length === 40, "40 messages in the sink");

    for (const partition of [0, 1]) {
      const inPartition = sink.received.filter((m) => m.partition === partition);
      expect(seqs(inPartition)).toEqual(messages.flatMap((m, seq) => (m.partition === partition ? [seq] : [])));
      expect(inPartition.map((m) => m.offset)).toEqual(inPartition.map((_, i) => String(i)));
    }
    expect(sink.received[0]).toMatchObject({ topic: TOPIC.ordered, key: expect.stringMatching(/^entity-/) });
  });

  it("dead-letters unparseable and rejected messages with their reasons, while valid ones keep flowing", async () => {
    const originals = [
      { key: "a", value: JSON.stringify({ seq: 0 }) },
      { key: "b", value: "{not json" },
      { key: "c", value: JSON.stringify({ seq: 1 }) },
      { key: "d", value: JSON.stringify({ seq: 2, bad: true }) },
      { key: "e", value: JSON.stringify({ seq: 3 }) },
    ];
    await produceTo(kafka, TOPIC.mixed, originals);

    const sink = createTestSink();
    const before = new Date();
    // Both join their groups concurrently: each first join takes ≈ 3 s on the mock.
    const [dlq] = await Promise.all([collectTopics(kafka, [TOPIC.deadLetter]), startSource(sink, { topics: [TOPIC.mixed] })]);
    cleanups.push(dlq.stop);
    await waitFor(() => sink.accepted.length === 3 && dlq.messages.length === 2, "3 accepted and 2 dead letters");

    expect(seqs(sink.accepted)).toEqual([0, 1, 3]);
    const letters = dlq.messages.map((m) => ({
      key: String(m.key),
      value: String(m.value),
      headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([name, v]) => [name, String(v)])),
    }));
    expect(letters).toEqual([
      {
        key: "b",
        value: "{not json",
        headers: {
          [DLQ_HEADERS.reason]: "invalid JSON",
          [DLQ_HEADERS.sourceTopic]: TOPIC.mixed,
          [DLQ_HEADERS.sourcePartition]: "0",
          [DLQ_HEADERS.sourceOffset]: "1",
          [DLQ_HEADERS.receivedAt]: expect.any(String),
        },
      },
      {
        key: "d",
        value: originals[3].value,
        headers: {
          [DLQ_HEADERS.reason]: "marked bad",
          [DLQ_HEADERS.sourceTopic]: TOPIC.mixed,
          [DLQ_HEADERS.sourcePartition]: "0",
          [DLQ_HEADERS.sourceOffset]: "3",
          [DLQ_HEADERS.receivedAt]: expect.any(String),
        },
      },
    ]);
    const receivedAt = new Date(letters[0].headers[DLQ_HEADERS.receivedAt]);
    expect(receivedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());

    // The stream goes on after rejects.
    await produceTo(kafka, TOPIC.mixed, [{ value: JSON.stringify({ seq: 4 }) }]);
    await waitFor(() => sink.accepted.length === 4, "the next valid message");
    expect(seqs(sink.accepted)).toEqual([0, 1, 3, 4]);
  });

  it("commits only processed offsets: a failed batch is retried, a restarted member resumes after the last commit", async () => {
    const groupId = uniqueName("resume-group");
    await produceTo(
      kafka,
      TOPIC.resume,
      Array.from({ length: 10 }, (_, seq) => ({ value: JSON.stringify({ seq }) })),
    );

    const first = createTestSink();
    first.beforeBatch = (call) => {
      if (call === 1) throw new Error("database unavailable");
    };
    const logger = silentLogger();
    const source = await startSource(first, { topics: [TOPIC.resume], groupId, logger });
    await waitFor(() => first.received.length === 10, "the retried batch");
    expect(first.calls).toBeGreaterThanOrEqual(2);
    expect(logger.errors.some((e) => e.includes("batch failed"))).toBe(true);
    expect(seqs(first.received)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await waitFor(async () => (await committedOffsets(groupId, TOPIC.resume))[0] === "10", "offset 10 committed");
    await source.stop();
    await source.stop(); // idempotent

    await produceTo(
      kafka,
      TOPIC.resume,
      Array.from({ length: 5 }, (_, i) => ({ value: JSON.stringify({ seq: 10 + i }) })),
    );
    const second = createTestSink();
    await startSource(second, { topics: [TOPIC.resume], groupId });
    await waitFor(async () => (await committedOffsets(groupId, TOPIC.resume))[0] === "15", "offset 15 committed");
    expect(seqs(second.received)).toEqual([10, 11, 12, 13, 14]);
  });

  it("stops cleanly while still starting, and stop is idempotent", async () => {
    const source = createKafkaSource({
      brokers: mock.brokers,
      clientId: "kafka-source-test",
      groupId: uniqueName("early-stop"),
      topics: [TOPIC.ordered],
      deadLetterTopic: TOPIC.deadLetter,
      consumerConfig: TEST_CONSUMER_CONFIG,
      logger: silentLogger(),
    });
    const started = source.start(createTestSink());
    await Promise.all([source.stop(), source.stop(), started]);
    await expect(source.start(createTestSink())).rejects.toThrow("already started or stopped");
    expect(source.consumerLag()).toBe(0);
  });

  it("reports consumer lag while behind (nothing committed mid-batch) and zero once caught up", async () => {
    const groupId = uniqueName("lag-group");
    await produceTo(
      kafka,
      TOPIC.lag,
      Array.from({ length: 5 }, (_, seq) => ({ partition: 0, value: JSON.stringify({ seq }) })),
    );

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sink = createTestSink();
    sink.beforeBatch = () => held;
    const source = await startSource(sink, { topics: [TOPIC.lag], groupId });
    await waitFor(() => sink.calls === 1, "the first batch to reach the sink");

    const more = Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, value: JSON.stringify({ seq: 5 + i }) }));
    await produceTo(kafka, TOPIC.lag, more);
    await waitFor(() => source.consumerLag() === 25, "lag to cover everything produced");
    expect(await committedOffsets(groupId, TOPIC.lag)).not.toContain("5");

    release();
    await waitFor(() => sink.received.length === 25 && source.consumerLag() === 0, "catch-up");
    await waitFor(async () => (await committedOffsets(groupId, TOPIC.lag)).join() === "15,10", "offsets committed");
  });
});
