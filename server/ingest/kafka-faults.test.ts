import { Kafka, logLevel, type Kafka as TKafka } from "kafkajs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import {
  KAFKA_API,
  KAFKA_ERROR,
  TEST_CONSUMER_CONFIG,
  createTestKafka,
  produceTo,
  startKafkaMock,
  uniqueName,
  waitFor,
  type TKafkaMock,
} from "@/test/kafka-mock";
import type { TKafkaLogger } from "./kafka-log";
import { createKafkaSource, type TKafkaSourceOptions } from "./kafka-source";
import type { TEventSource, TIngestSink, TRawMessage } from "./types";

/**
 * Fault injection on librdkafka's mock cluster (tools/kafka-mock, driven through its control channel):
 * broker down and back, request errors, consumers that crash, offsets that fell out of retention.
 * Each test asserts that no valid event was lost and that the source's status said what happened.
 */
const TOPIC = {
  outage: uniqueName("outage"),
  longOutage: uniqueName("long-outage"),
  errors: uniqueName("errors"),
  crash: uniqueName("crash"),
  start: uniqueName("start"),
  retention: uniqueName("retention"),
  deadLetter: uniqueName("deadletter"),
};
const BROKER_ID = 1;

let mock: TKafkaMock;
let kafka: TKafka;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  mock = await startKafkaMock({
    topics: [
      { name: TOPIC.outage, partitions: 2 },
      { name: TOPIC.longOutage, partitions: 1 },
      { name: TOPIC.errors, partitions: 2 },
      { name: TOPIC.crash, partitions: 1 },
      { name: TOPIC.start, partitions: 1 },
      { name: TOPIC.retention, partitions: 1 },
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

/** Accepts JSON { seq }; `hold` parks batches in the sink, `failure` makes it throw. */
type TFaultSink = TIngestSink & {
  accepted: TRawMessage[];
  calls: number;
  hold?: Promise<void>;
  failure?: () => Error | null;
};

function createFaultSink(): TFaultSink {
  const sink: TFaultSink = {
    accepted: [],
    calls: 0,
    async ingestBatch(messages) {
      sink.calls++;
      await sink.hold;
      const error = sink.failure?.();
      if (error) throw error;
      sink.accepted.push(...messages);
      return { accepted: messages.map((m) => JSON.parse(String(m.value)) as TCityEvent), rejected: [] };
    },
  };
  return sink;
}

const seqsOf = (messages: TRawMessage[]) => new Set(messages.map((m) => (JSON.parse(String(m.value)) as { seq: number }).seq));
const messagesFrom = (from: number, count: number, partitions = 1) =>
  Array.from({ length: count }, (_, i) => ({ partition: (from + i) % partitions, value: JSON.stringify({ seq: from + i }) }));
const hasAll = (sink: TFaultSink, total: number) => {
  const seen = seqsOf(sink.accepted);
  return Array.from({ length: total }, (_, seq) => seq).every((seq) => seen.has(seq));
};

const silentLogger: TKafkaLogger = { info() {}, warn() {}, error() {} };

async function startSource(sink: TIngestSink, options: Partial<TKafkaSourceOptions> & { topics: string[] }): Promise<TEventSource> {
  const source = createKafkaSource({
    brokers: mock.brokers,
    clientId: "kafka-faults-test",
    groupId: uniqueName("group"),
    deadLetterTopic: TOPIC.deadLetter,
    fromBeginning: true,
    consumerConfig: TEST_CONSUMER_CONFIG,
    lagRefreshMs: 200,
    supervision: { restartBackoff: { initialMs: 100, maxMs: 800 }, unreachableAfterMs: 500, readyMaxWaitingMs: 5000 },
    logger: silentLogger,
    ...options,
  });
  cleanups.push(() => source.stop());
  await source.start(sink);
  return source;
}

const statusOf = (source: TEventSource) => source.status!();
const readinessOf = (source: TEventSource) => source.readiness!();

describe("kafka source under faults", () => {
  it("broker down: says unreachable since when, staleness keeps growing; back up: connected, nothing produced lost", async () => {
    const sink = createFaultSink();
    const source = await startSource(sink, { topics: [TOPIC.outage] });
    await produceTo(kafka, TOPIC.outage, messagesFrom(0, 10, 2));
    await waitFor(() => hasAll(sink, 10) && readinessOf(source).ok, "the first 10 consumed and the source ready");
    expect(statusOf(source)).toMatchObject({ state: "connected", restarts: 0 });

    // Messages waiting in the sink when the broker goes away.
    let release!: () => void;
    sink.hold = new Promise((resolve) => (release = resolve));
    const callsBefore = sink.calls;
    await produceTo(kafka, TOPIC.outage, messagesFrom(10, 6, 2));
    await waitFor(() => sink.calls > callsBefore, "a batch held in the sink");

    const downAt = Date.now();
    await mock.setBrokerDown(BROKER_ID);
    // A producer that keeps retrying through the outage: these are sent while the broker is down.
    const patient = new Kafka({
      brokers: mock.brokers,
      clientId: "patient",
      logLevel: logLevel.NOTHING,
      retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 500 },
    });
    const duringOutage = produceTo(patient, TOPIC.outage, messagesFrom(16, 6, 2));

    const unreachable = await waitFor(() => (statusOf(source).state === "unreachable" ? statusOf(source) : null), "status: unreachable");
    expect(Date.parse(unreachable.since)).toBeGreaterThanOrEqual(downAt);
    expect(unreachable.lastError?.message).toMatch(/Connection error|timed out/);
    expect(readinessOf(source)).toEqual({ ok: false, detail: `broker unreachable since ${unreachable.since}` });
    // Not a frozen number: the oldest waiting message keeps ageing while nothing can be read.
    const waiting = () => Math.max(...statusOf(source).partitions.map((p) => p.oldestWaitingMs ?? 0));
    const firstLook = waiting();
    expect(firstLook).toBeGreaterThan(0);
    await waitFor(() => waiting() >= firstLook + 1000, "staleness to grow during the outage");
    expect(source.consumerLag()).toBeGreaterThan(0);

    await mock.setBrokerUp(BROKER_ID);
    release();
    sink.hold = undefined;
    await duringOutage;
    await produceTo(kafka, TOPIC.outage, messagesFrom(22, 4, 2));
    await waitFor(() => hasAll(sink, 26), "every message, before, during and after the outage", 30_000);
    await waitFor(() => statusOf(source).state === "connected" && source.consumerLag() === 0, "connected and caught up", 30_000);
    expect(Date.parse(statusOf(source).since)).toBeGreaterThan(Date.parse(unreachable.since));
  }, 60_000);

  it("a broker down longer than the consumer's retries: fresh consumers keep being started, the status stays 'unreachable', then recovers", async () => {
    const sink = createFaultSink();
    const source = await startSource(sink, {
      topics: [TOPIC.longOutage],
      // Few retries: consumers give up, and fresh ones fail to connect, within about a second.
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 200 },
      // The member that was cut off never leaves the group; the next one joins once its session expired.
      consumerConfig: { ...TEST_CONSUMER_CONFIG, sessionTimeout: 3000, heartbeatInterval: 500 },
      supervision: { restartBackoff: { initialMs: 100, maxMs: 400 }, failedAfterCrashes: 2, unreachableAfterMs: 500 },
    });
    await produceTo(kafka, TOPIC.longOutage, messagesFrom(0, 3));
    await waitFor(() => hasAll(sink, 3), "the first 3 consumed");

    await mock.setBrokerDown(BROKER_ID);
    // Crashed and restarted at least twice while down: "failed" by count, but the cause is the broker, and that is what it says.
    await waitFor(() => statusOf(source).restarts >= 2, "fresh consumers started during the outage", 30_000);
    expect(statusOf(source).state).toBe("unreachable");
    await mock.setBrokerUp(BROKER_ID);

    await produceTo(kafka, TOPIC.longOutage, messagesFrom(3, 3));
    await waitFor(() => hasAll(sink, 6), "the messages produced after the outage", 30_000);
    await waitFor(() => statusOf(source).state === "connected" && readinessOf(source).ok, "connected and ready again", 30_000);
  }, 60_000);

  it("request errors on Fetch and OffsetCommit: the consumer recovers, nothing is lost, the status names the error", async () => {
    const sink = createFaultSink();
    const source = await startSource(sink, { topics: [TOPIC.errors] });
    await produceTo(kafka, TOPIC.errors, messagesFrom(0, 4, 2));
    await waitFor(() => hasAll(sink, 4), "the first 4 consumed");

    // A dropped connection and a leader error on fetches, the coordinator gone and moved on commits.
    await mock.pushRequestErrors(KAFKA_API.Fetch, [KAFKA_ERROR.TRANSPORT, KAFKA_ERROR.NOT_LEADER_FOR_PARTITION]);
    await mock.pushRequestErrors(KAFKA_API.OffsetCommit, [KAFKA_ERROR.COORDINATOR_NOT_AVAILABLE, KAFKA_ERROR.NOT_COORDINATOR]);
    await produceTo(kafka, TOPIC.errors, messagesFrom(4, 12, 2));
    await waitFor(() => hasAll(sink, 16), "every message despite the errors", 30_000);

    const status = statusOf(source);
    expect(status.lastError?.message).toMatch(/coordinator/i);
    await waitFor(() => statusOf(source).state === "connected" && source.consumerLag() === 0, "connected and caught up");
  }, 45_000);

  it("a consumer that crashes for good is replaced after a backoff and counted; one that keeps crashing makes the instance not ready", async () => {
    const sink = createFaultSink();
    // A bug in the sink: kafkajs will not restart a consumer for a TypeError.
    let isBroken = true;
    sink.failure = () => (isBroken ? new TypeError("Cannot read properties of undefined (reading 'zone')") : null);
    await produceTo(kafka, TOPIC.crash, messagesFrom(0, 5));
    const source = await startSource(sink, {
      topics: [TOPIC.crash],
      supervision: { restartBackoff: { initialMs: 100, maxMs: 400 }, failedAfterCrashes: 2, readyMaxWaitingMs: 60_000 },
    });

    const failed = await waitFor(() => (statusOf(source).state === "failed" ? statusOf(source) : null), "status: failed", 30_000);
    expect(failed.restarts).toBeGreaterThanOrEqual(1);
    expect(failed.lastError?.message).toContain("reading 'zone'");
    expect(readinessOf(source)).toMatchObject({ ok: false, detail: expect.stringContaining("crashes in a row") });

    isBroken = false;
    await waitFor(() => hasAll(sink, 5), "the messages once the sink works", 30_000);
    await waitFor(() => readinessOf(source).ok, "ready again");
    expect(statusOf(source).state).toBe("connected");
    // Two crashes made it "failed"; each was followed by a fresh consumer.
    expect(statusOf(source).restarts).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("lag with nothing committed counts from where consumption started, and keeps counting while the partition is stuck", async () => {
    const sink = createFaultSink();
    let release!: () => void;
    sink.hold = new Promise((resolve) => (release = resolve));
    // Only new messages: before this fix the lag fell back to "nothing behind" at every refresh.
    const source = await startSource(sink, { topics: [TOPIC.start], fromBeginning: false, supervision: { readyMaxWaitingMs: 1000 } });
    await waitFor(() => statusOf(source).state === "connected" && readinessOf(source).ok, "assigned, nothing waiting");

    await produceTo(kafka, TOPIC.start, messagesFrom(0, 5));
    await waitFor(() => sink.calls === 1, "the first batch stuck in the sink");
    // Several lag refreshes (every 200 ms) later, still 5 behind, and ageing.
    await waitFor(() => (statusOf(source).partitions[0]?.oldestWaitingMs ?? 0) > 1500, "the stuck message to age");
    expect(statusOf(source).partitions).toEqual([{ topic: TOPIC.start, partition: 0, lag: 5, oldestWaitingMs: expect.any(Number) }]);
    expect(source.consumerLag()).toBe(5);
    expect(readinessOf(source)).toEqual({ ok: false, detail: expect.stringMatching(/^catching up: oldest message waiting \d+ s$/) });

    release();
    sink.hold = undefined;
    await waitFor(() => hasAll(sink, 5) && source.consumerLag() === 0 && readinessOf(source).ok, "caught up");
  }, 30_000);

  it("a committed offset that fell out of retention: kafkajs resets it, the status counts it, earliest starts at the oldest kept", async () => {
    const groupId = uniqueName("retention-group");
    const first = createFaultSink();
    await produceTo(kafka, TOPIC.retention, messagesFrom(0, 1));
    const before = await startSource(first, { topics: [TOPIC.retention], groupId });
    await waitFor(() => first.accepted.length === 1, "offset 0 processed and committed");
    await before.stop();

    // The mock keeps ~5 MB per partition: 6 MB more pushes the committed offset out.
    const filler = "x".repeat(100_000);
    for (let batch = 0; batch < 6; batch++) {
      await produceTo(
        kafka,
        TOPIC.retention,
        Array.from({ length: 10 }, (_, i) => ({ value: JSON.stringify({ seq: 1 + batch * 10 + i, filler }) })),
      );
    }
    const [{ low }] = await lowWatermarks(TOPIC.retention);
    expect(Number(low)).toBeGreaterThan(1);

    const second = createFaultSink();
    const after = await startSource(second, { topics: [TOPIC.retention], groupId });
    await waitFor(() => second.accepted.length >= 61 - Number(low), "everything still retained");
    const status = statusOf(after);
    expect(status.offsetResets).toBe(1);
    expect(status.lastOffsetReset).toMatchObject({ topic: TOPIC.retention, partition: 0 });
    expect(second.accepted[0].offset).toBe(low);
    expect(second.accepted.map((m) => m.offset)).toEqual(Array.from({ length: 61 - Number(low) }, (_, i) => String(Number(low) + i)));
  }, 45_000);
});

async function lowWatermarks(topic: string) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
}
