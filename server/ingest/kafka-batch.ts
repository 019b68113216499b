import type { EachBatchPayload, IHeaders, KafkaMessage, Message } from "kafkajs";
import type { TBatchProgress } from "./kafka-lag";
import type { TDeadLetter, TIngestSink, TRawMessage } from "./types";

/** Messages handed to the sink per call; between chunks we commit and heartbeat. */
const BATCH_CHUNK_SIZE = 1000;
/** While the sink works on one chunk, keep the group membership alive this often. */
const HEARTBEAT_EVERY_MS = 1000;

export const DLQ_HEADERS = {
  reason: "x-dlq-reason",
  sourceTopic: "x-dlq-source-topic",
  sourcePartition: "x-dlq-source-partition",
  sourceOffset: "x-dlq-source-offset",
  receivedAt: "x-dlq-received-at",
  /** On a message replayed from /dead-letters: the id of its dead letter, so failing again updates that one. */
  replayed: "x-dlq-replayed",
  /** Only on letters not read from Kafka ("mqtt"): the source topic is then that source's address. */
  sourceKind: "x-dlq-source-kind",
} as const;

type THandleBatchDeps = {
  sink: TIngestSink;
  /** Produces dead letters; must resolve only once the broker acknowledged them. */
  produceDeadLetters(messages: Message[]): Promise<void>;
  /**
   * Where the partition got to: once when the batch starts (`processed` 0), then after each committed chunk.
   * `nextTimestamp` is the Kafka timestamp of the next message when this batch holds it.
   */
  onProgress?(topic: string, partition: number, progress: TBatchProgress & { processed: number }): void;
  chunkSize?: number;
};

/**
 * One kafkajs batch, at-least-once: sink → dead-letter topic → commit → resolve.
 * An offset is committed only after its message was ingested and, if rejected,
 * its dead letter was acknowledged. If anything throws, the rest stays
 * unresolved and uncommitted, and kafkajs fetches it again.
 * Expects the consumer to run with `autoCommit: false, eachBatchAutoResolve: false`.
 */
export async function handleBatch(payload: EachBatchPayload, deps: THandleBatchDeps): Promise<void> {
  const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
  const { topic, partition, highWatermark } = batch;
  const chunkSize = deps.chunkSize ?? BATCH_CHUNK_SIZE;
  const report = (nextOffset: string, index: number) =>
    deps.onProgress?.(topic, partition, {
      nextOffset,
      highWatermark,
      nextTimestamp: batch.messages[index]?.timestamp ?? null,
      processed: index,
    });

  if (batch.messages.length === 0) return;
  report(batch.messages[0].offset, 0);

  for (let start = 0; start < batch.messages.length; start += chunkSize) {
    if (!isRunning() || isStale()) return;
    const chunk = batch.messages.slice(start, start + chunkSize);

    const keepAlive = setInterval(() => heartbeat().catch(() => {}), HEARTBEAT_EVERY_MS);
    try {
      const outcome = await deps.sink.ingestBatch(chunk.map((message) => toRawMessage(topic, partition, message)));
      if (outcome.rejected.length > 0) {
        const byOffset = new Map(chunk.map((message) => [message.offset, message]));
        await deps.produceDeadLetters(outcome.rejected.map((letter) => toDeadLetterMessage(letter, byOffset.get(letter.offset))));
      }
    } finally {
      clearInterval(keepAlive);
    }

    const last = chunk[chunk.length - 1].offset;
    const next = BigInt(last) + 1n;
    // Kafka's committed offset is the next one to read. Commit before resolving: a failed commit then
    // leaves the chunk unresolved, so kafkajs fetches it again and the commit is retried with it —
    // resolved first, kafkajs would move past it and leave it uncommitted until a later message.
    await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: next.toString() }] }] });
    resolveOffset(last);
    report(next.toString(), start + chunk.length);
    // Surfaces rebalances between chunks, so kafkajs can rejoin instead of us processing stale partitions.
    await heartbeat();
  }
}

function toRawMessage(topic: string, partition: number, message: KafkaMessage): TRawMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString("utf8") ?? null,
    keyBytes: message.key ?? null,
    value: message.value,
    replayOf: headerText(message.headers?.[DLQ_HEADERS.replayed]),
  };
}

function headerText(value: IHeaders[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** The original bytes (not the sink's truncated text) plus where they came from and why they failed. */
export function toDeadLetterMessage(letter: TDeadLetter, original: KafkaMessage | undefined): Message {
  return {
    key: original?.key ?? letter.key,
    value: original ? original.value : letter.payload,
    headers: {
      [DLQ_HEADERS.reason]: letter.reason,
      [DLQ_HEADERS.sourceTopic]: letter.topic,
      [DLQ_HEADERS.sourcePartition]: String(letter.partition),
      [DLQ_HEADERS.sourceOffset]: letter.offset,
      [DLQ_HEADERS.receivedAt]: letter.receivedAt.toISOString(),
      ...(letter.replayOf ? { [DLQ_HEADERS.replayed]: letter.replayOf } : {}),
      ...(letter.sourceKind && { [DLQ_HEADERS.sourceKind]: letter.sourceKind }),
    },
  };
}
