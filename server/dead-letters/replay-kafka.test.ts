import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEAD_LETTER_TOPIC } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { CityState } from "@/server/city/city-state";
import type { TDatabase } from "@/server/db/client";
import { markReplaysAccepted, recordDeadLetters } from "@/server/db/dead-letters";
import { createDeadLetterBuffer, type TDeadLetterBuffer } from "@/server/ingest/dead-letter-buffer";
import { buildEntityRegistry } from "@/server/ingest/entity-registry";
import { IngestStats } from "@/server/ingest/ingest-stats";
import { DLQ_HEADERS } from "@/server/ingest/kafka-batch";
import { createKafkaSource } from "@/server/ingest/kafka-source";
import { createIngestPipeline } from "@/server/ingest/pipeline";
import type { TEventSource } from "@/server/ingest/types";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { waste } from "@/test/fixtures/test-events";
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
import { replayDeadLetters } from "./replay-dead-letters";

const WASTE = TOPIC_BY_LAYER.waste;
const T0 = Date.parse("2026-11-24T13:00:00Z");
const ACTOR = { id: "u-sup", email: "supervisor@citynerve.local", role: "supervisor" };

/**
 * Dead letter → replay → outcome, on librdkafka's mock cluster with the real Kafka source, pipeline, buffer
 * and database: a message that fails again stays one letter (its replays counted), a message whose cause has
 * gone away is accepted, and the replay goes back with its original key (so to its partition) and the header.
 */
describe.each(TEST_BACKENDS)("dead-letter replay through Kafka ($kind)", (backend) => {
  let mock: TKafkaMock;
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  let source: TEventSource;
  let buffer: TDeadLetterBuffer;
  const cityState = new CityState();
  let nowMs = T0;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    mock = await startKafkaMock({
      topics: [
        { name: WASTE, partitions: 4 },
        { name: DEAD_LETTER_TOPIC, partitions: 1 },
      ],
    });
    buffer = createDeadLetterBuffer({ store: (letters) => recordDeadLetters(db.prisma, letters, "kafka"), isReachable: async () => true });
    const sink = createIngestPipeline({
      registry: buildEntityRegistry(TINY_CITY),
      cityState,
      stats: new IngestStats(),
      deadLetters: buffer,
      onReplayAccepted: (replays) => void markReplaysAccepted(db.prisma, replays),
      timeLimits: { maxFutureSkewMs: 60_000, maxAgeMs: 0 },
      now: () => nowMs,
    });
    source = createKafkaSource({
      brokers: mock.brokers,
      clientId: "dead-letter-replay-test",
      groupId: uniqueName("replay"),
      topics: [WASTE],
      deadLetterTopic: DEAD_LETTER_TOPIC,
      fromBeginning: true,
      consumerConfig: TEST_CONSUMER_CONFIG,
      // Few and quick retries: a broker that is down makes a replay fail in a moment, not after kafkajs' default minute.
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 },
      supervision: { restartBackoff: { initialMs: 100, maxMs: 500 } },
      // The outage below is on purpose: its connection errors would only drown the test's output.
      logger: { info() {}, warn() {}, error() {} },
    });
    await source.start(sink);
  });
  afterAll(async () => {
    await source?.stop();
    await buffer?.stop();
    await mock?.stop();
    await cleanup?.();
  });

  const letterWith = (reason: string) => db.prisma.deadLetter.findFirst({ where: { reason: { startsWith: reason } } });
  const replay = (id: string) =>
    replayDeadLetters({ prisma: db.prisma, actor: ACTOR, actorName: "Sam Supervisor", ip: null, source }, [id]);

  it("keeps a message that fails again as one letter, counting its replays, and accepts one whose cause is gone", async () => {
    const kafka = createTestKafka(mock.brokers);
    const ahead = { ...waste("bin-2", 0, { fillingLevel: 0.9 }), observedAt: new Date(T0 + 3_600_000).toISOString() };
    await produceTo(kafka, WASTE, [
      { key: "bin-1", value: '{"entityId":"bin-1","type":"WasteContainer",' },
      { key: "bin-2", value: JSON.stringify(ahead) },
    ]);
    const broken = await waitFor(() => letterWith("invalid JSON"), "the malformed message dead-lettered");
    const early = await waitFor(() => letterWith("observedAt in the future"), "the early reading dead-lettered");
    expect(broken).toMatchObject({ sourceKind: "kafka", entityId: "bin-1", replayCount: 0 });

    for (const n of [1, 2]) {
      expect((await replay(broken.id)).results).toEqual([{ id: broken.id, outcome: "replayed", detail: null }]);
      await waitFor(async () => {
        const row = await db.prisma.deadLetter.findUniqueOrThrow({ where: { id: broken.id } });
        return row.replayCount === n && row.replayOutcome === "failed";
      }, `replay ${n} failed again on the same letter`);
    }
    expect(await db.prisma.deadLetter.count()).toBe(2);
    const again = await db.prisma.deadLetter.findUniqueOrThrow({ where: { id: broken.id } });
    expect(again).toMatchObject({ replayCount: 2, lastReplayedBy: "Sam Supervisor", reasonKind: "invalid_json" });
    expect(again.lastFailedAt).not.toBeNull();

    // An hour on, the reading that was an hour ahead is accepted.
    nowMs = T0 + 3_600_000;
    await replay(early.id);
    await waitFor(
      async () => (await db.prisma.deadLetter.findUniqueOrThrow({ where: { id: early.id } })).replayOutcome === "accepted",
      "the replay accepted",
    );
    expect(cityState.latest("waste", "bin-2")?.fillingLevel).toBe(0.9);
    expect(await db.prisma.deadLetter.count()).toBe(2);

    // On the wire: each replay on its original partition with its key and the header; each failure on the DLQ topic, marked too.
    const topics = await collectTopics(kafka, [WASTE, DEAD_LETTER_TOPIC]);
    try {
      // Two originals and three replays on the city topic; both originals and the two failed replays on the DLQ topic.
      await waitFor(() => topics.messages.length === 2 + 3 + 4, "every message on both topics");
      const header = (m: (typeof topics.messages)[number]) => m.headers?.[DLQ_HEADERS.replayed]?.toString();
      const replays = topics.messages.filter((m) => m.topic === WASTE && header(m) === broken.id);
      expect(replays).toHaveLength(2);
      for (const m of replays) {
        expect(m.key?.toString()).toBe("bin-1");
        expect(m.partition).toBe(broken.sourcePartition);
        expect(m.value?.toString()).toBe('{"entityId":"bin-1","type":"WasteContainer",');
      }
      expect(topics.messages.filter((m) => m.topic === DEAD_LETTER_TOPIC && header(m) === broken.id)).toHaveLength(2);
    } finally {
      await topics.stop();
    }
    const audit = await db.prisma.auditLog.findMany({ where: { action: "dead_letter.replayed" } });
    expect(audit.map((a) => a.entityId).sort()).toEqual([broken.id, broken.id, early.id].sort());
  });

  it("with the broker down, says the replay did not go out and leaves the letter and the audit log as they were", async () => {
    const broken = (await letterWith("invalid JSON"))!;
    const auditBefore = await db.prisma.auditLog.count();
    await mock.setBrokerDown(1);
    try {
      const [result] = (await replay(broken.id)).results;
      expect(result).toMatchObject({ id: broken.id, outcome: "failed" });
      expect(result.detail).toMatch(/^The event source did not take it: /);
    } finally {
      await mock.setBrokerUp(1);
    }
    expect(await db.prisma.deadLetter.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({
      replayCount: 2,
      replayOutcome: "failed",
      lastReplayedAt: broken.lastReplayedAt,
    });
    expect(await db.prisma.auditLog.count()).toBe(auditBefore);

    // Back up, the same letter replays as before.
    expect((await replay(broken.id)).results[0].outcome).toBe("replayed");
    await waitFor(async () => {
      const row = await db.prisma.deadLetter.findUniqueOrThrow({ where: { id: broken.id } });
      return row.replayCount === 3 && row.replayOutcome === "failed";
    }, "the replay after the outage failed again on the same letter");
  });
});
