import type { TCityEvent } from "@/lib/contracts/events";
import type { TIngestSource } from "@/lib/contracts/realtime";

/** A message as it arrives from any source (Kafka record, simulator, MQTT publish). */
export type TRawMessage = {
  topic: string;
  partition: number;
  /** Kafka offset as a string (int64); a running counter for non-Kafka sources. */
  offset: string;
  key?: string | null;
  value: Buffer | string | null;
};

/** Why a message was rejected and where it came from. */
export type TDeadLetter = {
  reason: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The original payload, as text (truncated for storage). */
  payload: string | null;
  receivedAt: Date;
};

export type TIngestOutcome = {
  accepted: TCityEvent[];
  rejected: TDeadLetter[];
};

/** Validates a batch, applies the valid events to city state, records the rest. */
export interface TIngestSink {
  ingestBatch(messages: readonly TRawMessage[]): Promise<TIngestOutcome>;
}

/** Where events come from. Kafka, the embedded simulator and MQTT all implement this. */
export interface TEventSource {
  readonly kind: TIngestSource;
  start(sink: TIngestSink): Promise<void>;
  stop(): Promise<void>;
  /** Total messages behind the high watermarks, or null when the source has no such notion. */
  consumerLag(): number | null;
}
