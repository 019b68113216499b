import type { Message } from "kafkajs";
import { DLQ_HEADERS } from "./kafka-batch";
import type { TRawMessage, TReplayMessage } from "./types";

/**
 * A dead letter on its way back: the original key and value bytes (the key picks the partition it came
 * from), marked with its letter's id so that failing again updates that letter instead of adding one.
 */
export function toReplayedKafkaMessage(message: TReplayMessage): Message {
  return { key: message.key, value: message.value, headers: { [DLQ_HEADERS.replayed]: message.deadLetterId } };
}

/** The same for sources without a broker: straight into the pipeline at the source's next position. */
export function toReplayedRawMessage(message: TReplayMessage, offset: string): TRawMessage {
  return {
    topic: message.topic,
    partition: 0,
    offset,
    key: message.key?.toString("utf8") ?? null,
    keyBytes: message.key,
    value: message.value,
    replayOf: message.deadLetterId,
  };
}
