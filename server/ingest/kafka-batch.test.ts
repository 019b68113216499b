import type { EachBatchPayload, KafkaMessage, Message } from "kafkajs";
import { describe, expect, it } from "vitest";
import { DLQ_HEADERS, handleBatch, toDeadLetterMessage } from "./kafka-batch";
import type { TIngestOutcome, TIngestSink, TRawMessage } from "./types";

// handleBatch in isolation: the order of sink → dead letters → resolve → commit.
// (End-to-end behaviour against a real consumer group is in kafka-source.test.ts.)

function message(offset: number, value: string, key = `k${offset}`): KafkaMessage {
  return {
    offset: String(offset),
    key: Buffer.from(key),
    value: Buffer.from(value),
    timestamp: String(1000 + offset),
    attributes: 0,
    headers: {},
  };
}

function fakeBatch(messages: KafkaMessage[], options: { highWatermark?: string; isRunning?: () => boolean } = {}) {
  const log: string[] = [];
  const payload = {
    batch: {
      topic: "city.traffic",
      partition: 3,
      highWatermark: options.highWatermark ?? String(Number(messages.at(-1)!.offset) + 1),
      messages,
      firstOffset: () => messages[0]?.offset ?? null,
    },
    resolveOffset: (offset: string) => void log.push(`resolve ${offset}`),
    commitOffsetsIfNecessary: async (offsets: { topics: { partitions: { offset: string }[] }[] }) =>
      void log.push(`commit ${offsets.topics[0].partitions[0].offset}`),
    heartbeat: async () => {},
    isRunning: options.isRunning ?? (() => true),
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, log };
}

function sinkRejecting(isBad: (m: TRawMessage) => boolean, log: string[]): TIngestSink {
  return {
    async ingestBatch(messages): Promise<TIngestOutcome> {
      log.push(`sink ${messages.map((m) => m.offset).join(",")}`);
      const rejected = messages.filter(isBad).map((m) => ({
        reason: "bad",
        topic: m.topic,
        partition: m.partition,
        offset: m.offset,
        key: m.key ?? null,
        payload: "(truncated)",
        receivedAt: new Date("2030-01-02T03:04:05.000Z"),
      }));
      return { accepted: [], rejected };
    },
  };
}

describe("handleBatch", () => {
  it("ingests in chunks and commits each chunk (offset + 1) only after its dead letters were produced, resolving it after", async () => {
    const { payload, log } = fakeBatch(
      [10, 11, 12, 13, 14].map((o) => message(o, o === 11 ? "oops" : "{}")),
      { highWatermark: "20" },
    );
    const progress: string[] = [];
    await handleBatch(payload, {
      sink: sinkRejecting((m) => m.value?.toString() === "oops", log),
      produceDeadLetters: async (letters: Message[]) =>
        void log.push(`dlq ${letters.map((l) => l.headers?.[DLQ_HEADERS.sourceOffset]).join(",")}`),
      onProgress: (topic, partition, p) =>
        progress.push(`${topic}/${partition} next ${p.nextOffset} of ${p.highWatermark} at ${p.nextTimestamp}, ${p.processed} done`),
      chunkSize: 2,
    });
    expect(log).toEqual([
      "sink 10,11",
      "dlq 11",
      "commit 12",
      "resolve 11",
      "sink 12,13",
      "commit 14",
      "resolve 13",
      "sink 14",
      "commit 15",
      "resolve 14",
    ]);
    // The next message's timestamp while the batch holds it; none once the batch is through.
    expect(progress).toEqual([
      "city.traffic/3 next 10 of 20 at 1010, 0 done",
      "city.traffic/3 next 12 of 20 at 1012, 2 done",
      "city.traffic/3 next 14 of 20 at 1014, 4 done",
      "city.traffic/3 next 15 of 20 at null, 5 done",
    ]);
  });

  it("resolves and commits nothing when the sink throws", async () => {
    const { payload, log } = fakeBatch([message(0, "{}")]);
    const failing: TIngestSink = { ingestBatch: async () => Promise.reject(new Error("db down")) };
    await expect(handleBatch(payload, { sink: failing, produceDeadLetters: async () => {} })).rejects.toThrow("db down");
    expect(log).toEqual([]);
  });

  it("resolves and commits nothing when the dead letters cannot be produced", async () => {
    const { payload, log } = fakeBatch([message(0, "oops")]);
    const deps = {
      sink: sinkRejecting(() => true, log),
      produceDeadLetters: () => Promise.reject(new Error("broker gone")),
    };
    await expect(handleBatch(payload, deps)).rejects.toThrow("broker gone");
    expect(log).toEqual(["sink 0"]);
  });

  it("resolves nothing when the commit fails, so kafkajs fetches the chunk again", async () => {
    const { payload, log } = fakeBatch([message(0, "{}")]);
    payload.commitOffsetsIfNecessary = () => Promise.reject(new Error("The coordinator is not available"));
    await expect(handleBatch(payload, { sink: sinkRejecting(() => false, log), produceDeadLetters: async () => {} })).rejects.toThrow(
      "coordinator",
    );
    expect(log).toEqual(["sink 0"]);
  });

  it("stops between chunks once the consumer is stopping, leaving the rest uncommitted", async () => {
    let isRunning = true;
    const { payload, log } = fakeBatch([message(0, "{}"), message(1, "{}")], { isRunning: () => isRunning });
    const sink: TIngestSink = {
      async ingestBatch(messages) {
        log.push(`sink ${messages[0].offset}`);
        isRunning = false;
        return { accepted: [], rejected: [] };
      },
    };
    await handleBatch(payload, { sink, produceDeadLetters: async () => {}, chunkSize: 1 });
    expect(log).toEqual(["sink 0", "commit 1", "resolve 0"]);
  });
});

describe("toDeadLetterMessage", () => {
  it("keeps the original bytes and key, and says where they came from and why", () => {
    const original = message(42, "\u0000not json at all");
    const dead = toDeadLetterMessage(
      {
        reason: "invalid JSON",
        topic: "city.waste",
        partition: 1,
        offset: "42",
        key: "k42",
        payload: "truncated",
        receivedAt: new Date("2030-01-02T03:04:05.000Z"),
      },
      original,
    );
    expect(dead).toEqual({
      key: original.key,
      value: original.value,
      headers: {
        "x-dlq-reason": "invalid JSON",
        "x-dlq-source-topic": "city.waste",
        "x-dlq-source-partition": "1",
        "x-dlq-source-offset": "42",
        "x-dlq-received-at": "2030-01-02T03:04:05.000Z",
      },
    });
  });

  it("marks the dead letter of a replay that failed again with the letter it replayed", () => {
    const letter = { reason: "bad", topic: "city.waste", partition: 0, offset: "7", key: null, payload: "x", receivedAt: new Date(0) };
    const id = "0b9f4a52-8f55-4c2a-9d0e-5c1a7e0c1f11";
    expect(toDeadLetterMessage({ ...letter, replayOf: id }, undefined).headers).toMatchObject({ [DLQ_HEADERS.replayed]: id });
    expect(toDeadLetterMessage(letter, undefined).headers).not.toHaveProperty(DLQ_HEADERS.replayed);
  });
});

describe("handleBatch with replayed messages", () => {
  it("hands the sink the replayed letter's id from the x-dlq-replayed header, and the key's exact bytes", async () => {
    const replayed = message(5, "{", "bin-1");
    replayed.headers = { [DLQ_HEADERS.replayed]: Buffer.from("0b9f4a52-8f55-4c2a-9d0e-5c1a7e0c1f11") };
    const seen: TRawMessage[] = [];
    const { payload } = fakeBatch([message(4, "{}"), replayed]);
    await handleBatch(payload, {
      sink: { ingestBatch: async (messages) => (seen.push(...messages), { accepted: [], rejected: [] }) },
      produceDeadLetters: async () => {},
    });
    expect(seen.map((m) => m.replayOf)).toEqual([undefined, "0b9f4a52-8f55-4c2a-9d0e-5c1a7e0c1f11"]);
    expect(seen[1].keyBytes).toEqual(Buffer.from("bin-1"));
  });
});
