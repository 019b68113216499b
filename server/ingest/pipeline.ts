import type { CityState } from "@/server/city/city-state";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TDeadLetterBuffer } from "./dead-letter-buffer";
import { toDeadLetter } from "./dead-letter-record";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import type { TEntityRegistry } from "./entity-registry";
import type { IngestStats } from "./ingest-stats";
import type { TLatencyProbe } from "./latency-probe";
import type { TAcceptedReplay, TDeadLetter, TIngestOutcome, TIngestSink, TRawMessage } from "./types";
import { validateMessage, type TDeclaredEvent, type TTimeWindow, type TValidation } from "./validate-message";

const DEFAULT_MAX_FUTURE_SKEW_MS = 300_000;
const DEFAULT_MAX_EVENT_AGE_MS = 7 * 86_400_000;

export type TIngestPipelineDeps = {
  registry: TEntityRegistry;
  /** Declared domains (lib/domains/definitions): their topics and event types are parsed by their definitions. */
  domains?: TDomainRegistry;
  cityState: CityState;
  stats: IngestStats;
  /** Takes rejected messages to PostgreSQL off the ingest path (dead-letter-buffer.ts): never awaited. */
  deadLetters: Pick<TDeadLetterBuffer, "enqueue">;
  /**
   * Replayed dead letters (x-dlq-replayed) that passed this time: the letter named and the topic it came back on;
   * never awaited. A replay that fails again is a dead letter carrying `replayOf`, and the store updates its letter.
   */
  onReplayAccepted?: (replays: TAcceptedReplay[]) => void;
  /**
   * Events observed further ahead than `maxFutureSkewMs` (Infinity = no limit) or longer ago than
   * `maxAgeMs` (0 = no limit) are dead-lettered. Defaults: 300 s ahead, 7 days old.
   */
  timeLimits?: Partial<Pick<TTimeWindow, "maxFutureSkewMs" | "maxAgeMs">>;
  now?: () => number;
  /** Benchmarks only (bench/ingest.ts). */
  probe?: Pick<TLatencyProbe, "applied">;
};

export type TScreenOutcome = {
  /** Valid messages, each with the event it holds, in their order: not applied (they come back through Kafka). */
  passed: { message: TRawMessage; event: TCityEvent | TDeclaredEvent["event"] }[];
  rejected: TDeadLetter[];
};

export type TIngestPipeline = TIngestSink & {
  /**
   * The same validation without applying anything, for a bridge that forwards valid messages to Kafka (they are
   * applied, and counted, when they are consumed from there). Rejects are dead-lettered and counted here.
   */
  screenBatch(messages: readonly TRawMessage[]): TScreenOutcome;
};

/**
 * validate → city state, invalid → dead letter. The one path every source feeds.
 * Never waits for a database and never throws on what a message holds: every message
 * ends applied or dead-lettered, so no message can stop the source behind it.
 */
export function createIngestPipeline(deps: TIngestPipelineDeps): TIngestPipeline {
  const now = deps.now ?? Date.now;
  const maxFutureSkewMs = deps.timeLimits?.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS;
  const maxAgeMs = deps.timeLimits?.maxAgeMs ?? DEFAULT_MAX_EVENT_AGE_MS;

  return {
    async ingestBatch(messages: readonly TRawMessage[]): Promise<TIngestOutcome> {
      const nowMs = now();
      const time: TTimeWindow = { now: nowMs, maxFutureSkewMs, maxAgeMs };
      const receivedAt = new Date(nowMs);
      const accepted: TCityEvent[] = [];
      const rejected: TDeadLetter[] = [];
      const replaysAccepted: TAcceptedReplay[] = [];
      for (const message of messages) {
        const reason = ingestOne(message, time, accepted);
        deps.stats.recordOutcome(message.topic, reason === null ? "accepted" : "dead_lettered");
        if (reason !== null) rejected.push(toDeadLetter(message, reason, receivedAt));
        else if (message.replayOf) replaysAccepted.push({ deadLetterId: message.replayOf, topic: message.topic });
      }
      deps.probe?.applied?.(accepted, nowMs);
      deps.deadLetters.enqueue(rejected);
      if (replaysAccepted.length > 0) deps.onReplayAccepted?.(replaysAccepted);
      deps.stats.recordAccepted(accepted.length, accepted.at(-1)?.observedAt);
      deps.stats.recordDeadLettered(rejected.length);
      return { accepted, rejected };
    },

    screenBatch(messages: readonly TRawMessage[]): TScreenOutcome {
      const nowMs = now();
      const time: TTimeWindow = { now: nowMs, maxFutureSkewMs, maxAgeMs };
      const passed: TScreenOutcome["passed"] = [];
      const rejected: TDeadLetter[] = [];
      for (const message of messages) {
        const result = validateSafely(message, time);
        if (result.ok) {
          passed.push({ message, event: result.event ?? result.declared!.event });
        } else {
          deps.stats.recordOutcome(message.topic, "dead_lettered");
          rejected.push(toDeadLetter(message, result.reason, new Date(nowMs)));
        }
      }
      deps.deadLetters.enqueue(rejected);
      deps.stats.recordDeadLettered(rejected.length);
      return { passed, rejected };
    },
  };

  function validateSafely(message: TRawMessage, time: TTimeWindow): TValidation {
    try {
      return validateMessage(message, deps.registry, time, deps.domains);
    } catch (error) {
      return { ok: false, reason: `validation failed: ${(error as Error)?.message ?? String(error)}` };
    }
  }

  /** Applies the message and returns null, or returns why it is a dead letter. */
  function ingestOne(message: TRawMessage, time: TTimeWindow, accepted: TCityEvent[]): string | null {
    const result = validateSafely(message, time);
    if (!result.ok) return result.reason;
    const { event, declared } = result;
    const entityId = event ? event.entityId : declared?.event.entityId;
    try {
      if (event) deps.cityState.apply(event);
      else if (declared) deps.cityState.applyDeclared(declared.domain, declared.event);
    } catch (error) {
      // A state listener (rules, alerts) failing on this event must not stop the partition behind it.
      console.error("ingest: applying an event failed; dead-lettered", { entityId, error });
      return `failed while applying: ${(error as Error)?.message ?? String(error)}`;
    }
    // The built-in events go on to the latency probe and the stats' newest observedAt; declared ones are counted by topic.
    if (event) accepted.push(event);
    return null;
  }
}
