import type { TPartitionStatus, TSourceState, TSourceStatus } from "@/lib/contracts/realtime";
import type { TSourceReadiness } from "./types";

export type TSourceStatusOptions = {
  /** Crashes in a row (without a stable run between) after which the consumer counts as failed. */
  failedAfterCrashes?: number;
  /** A consumer that processed a batch, or ran this long after joining without crashing, is stable. */
  stableAfterMs?: number;
  /** Failed contacts must go unanswered this long before the broker counts as unreachable (one dropped connection is routine). */
  unreachableAfterMs?: number;
  now?: () => number;
};

const SOURCE_STATUS_DEFAULTS = { failedAfterCrashes: 5, stableAfterMs: 30_000, unreachableAfterMs: 3_000 };

/**
 * The Kafka source's account of itself, fed by consumer events, kafkajs' log and the lag refresh.
 * Two things are tracked apart: whether any broker answers (`brokerAnswered` / `brokerFailed`), and the
 * consumer's life (`assigned` → `crashed` → `restarting` → `assigned`…). `read` folds them into one
 * state, most serious first: unreachable > failed > restarting > connecting > connected.
 */
export function createSourceStatusTracker(options: TSourceStatusOptions = {}) {
  const now = options.now ?? Date.now;
  const failedAfterCrashes = options.failedAfterCrashes ?? SOURCE_STATUS_DEFAULTS.failedAfterCrashes;
  const stableAfterMs = options.stableAfterMs ?? SOURCE_STATUS_DEFAULTS.stableAfterMs;
  const unreachableAfterMs = options.unreachableAfterMs ?? SOURCE_STATUS_DEFAULTS.unreachableAfterMs;

  let phase: "connecting" | "assigned" | "restarting" = "connecting";
  let phaseSince = now();
  let joinedAt: number | null = null;
  let hasProcessedSinceJoin = false;
  let crashesInARow = 0;
  let firstCrashInARowAt = 0;
  let restarts = 0;
  /** First failed contact since the broker last answered; null while it answers. */
  let failingSince: number | null = null;
  let answeredAgainAt = 0;
  let offsetResets = 0;
  let lastOffsetReset: TSourceStatus["lastOffsetReset"] = null;
  let lastError: TSourceStatus["lastError"] = null;

  function isStable(): boolean {
    return phase === "assigned" && joinedAt !== null && (hasProcessedSinceJoin || now() - joinedAt >= stableAfterMs);
  }

  function noteError(message: string): void {
    lastError = { message: message.slice(0, 500), at: new Date(now()).toISOString() };
  }

  function current(): { state: TSourceState; since: number } {
    const at = now();
    if (failingSince !== null && at - failingSince >= unreachableAfterMs) return { state: "unreachable", since: failingSince };
    if (phase === "restarting") {
      return crashesInARow >= failedAfterCrashes
        ? { state: "failed", since: firstCrashInARowAt }
        : { state: "restarting", since: phaseSince };
    }
    if (phase === "connecting") return { state: "connecting", since: phaseSince };
    return { state: "connected", since: Math.max(phaseSince, answeredAgainAt) };
  }

  return {
    /** The group gave this consumer its partitions. */
    assigned(): void {
      phase = "assigned";
      phaseSince = joinedAt = now();
      hasProcessedSinceJoin = false;
    },

    /** A batch chunk went through the sink and was committed. */
    processed(): void {
      hasProcessedSinceJoin = true;
    },

    /** The consumer stopped for good, or a fresh one could not start; the supervisor will start another. */
    crashed(error: Error): void {
      if (isStable() || crashesInARow === 0) {
        crashesInARow = 0;
        firstCrashInARowAt = now();
      }
      crashesInARow++;
      if (phase !== "restarting") phaseSince = now();
      phase = "restarting";
      joinedAt = null;
      noteError(`consumer crashed: ${error.message}`);
    },

    /** A fresh consumer is being started after a crash. */
    restarting(): void {
      restarts++;
    },

    /** Whether the consumer crashed since it last proved stable (the supervisor's backoff resets otherwise). */
    wasStable: isStable,

    brokerAnswered(): void {
      if (failingSince !== null) answeredAgainAt = now();
      failingSince = null;
    },

    brokerFailed(message: string): void {
      failingSince ??= now();
      noteError(message);
    },

    offsetReset(topic: string, partition: number): void {
      offsetResets++;
      lastOffsetReset = { topic, partition, at: new Date(now()).toISOString() };
      noteError(`offset of ${topic}/${partition} was out of range and reset`);
    },

    /** A problem worth showing that changes no state (a failed batch, a failed lag read). */
    error: noteError,

    read(partitions: TPartitionStatus[]): TSourceStatus {
      const { state, since } = current();
      return { state, since: new Date(since).toISOString(), restarts, offsetResets, lastOffsetReset, lastError, partitions };
    },

    /**
     * Ready: connected (partitions assigned, a broker answering, no crash pending), stable if it crashed
     * before, and caught up as `caughtUp` (from the lag tracker) says.
     */
    readiness(caughtUp: () => TSourceReadiness): TSourceReadiness {
      const { state, since } = current();
      if (state !== "connected") return { ok: false, detail: describeState(state, new Date(since), crashesInARow) };
      if (crashesInARow > 0 && !isStable()) return { ok: false, detail: "consumer restarted, not yet stable" };
      return caughtUp();
    },
  };
}

function describeState(state: TSourceState, since: Date, crashesInARow: number): string {
  switch (state) {
    case "unreachable":
      return `broker unreachable since ${since.toISOString()}`;
    case "failed":
      return `consumer failing (${crashesInARow} crashes in a row), still retrying`;
    case "restarting":
      return "consumer restarting";
    case "connecting":
      return "connecting to the broker";
    case "connected":
      return "connected";
  }
}
