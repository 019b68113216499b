import type { CityState } from "@/server/city/city-state";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TEntityRegistry } from "./entity-registry";
import type { IngestStats } from "./ingest-stats";
import type { TDeadLetter, TIngestOutcome, TIngestSink, TRawMessage } from "./types";
import { validateMessage } from "./validate-message";

const MAX_PAYLOAD_CHARS = 16 * 1024;

export type TIngestPipelineDeps = {
  registry: TEntityRegistry;
  cityState: CityState;
  stats: IngestStats;
  /** Durable record of rejected messages (PostgreSQL). Awaited: a batch is done only once recorded. */
  recordDeadLetters: (letters: TDeadLetter[]) => Promise<void>;
};

/** validate → city state, invalid → dead letter. The one path every source feeds. */
export function createIngestPipeline(deps: TIngestPipelineDeps): TIngestSink {
  return {
    async ingestBatch(messages: readonly TRawMessage[]): Promise<TIngestOutcome> {
      const accepted: TCityEvent[] = [];
      const rejected: TDeadLetter[] = [];
      for (const message of messages) {
        const result = validateMessage(message, deps.registry);
        if (result.ok) {
          deps.cityState.apply(result.event);
          accepted.push(result.event);
        } else {
          rejected.push(toDeadLetter(message, result.reason));
        }
      }
      if (rejected.length > 0) await deps.recordDeadLetters(rejected);
      deps.stats.recordAccepted(accepted.length, accepted.at(-1)?.observedAt);
      deps.stats.recordDeadLettered(rejected.length);
      return { accepted, rejected };
    },
  };
}

function toDeadLetter(message: TRawMessage, reason: string): TDeadLetter {
  const text = message.value === null ? null : message.value.toString();
  return {
    reason,
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key ?? null,
    payload: text === null ? null : text.slice(0, MAX_PAYLOAD_CHARS),
    receivedAt: new Date(),
  };
}
