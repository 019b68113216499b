import type { TAlertSignal, TAlertSignalKind, TRuleDefinition } from "@/lib/contracts/rules";
import type { TReading } from "./evaluators/types";
import { formatDuration } from "./format-duration";
import type { TStoredEpisode } from "./stored-episode";

/** Updates for an open alert: no more often than this when the worst value got worse… */
export const UPDATE_MIN_INTERVAL_MS = 5_000;
/** …and otherwise at most this often, to refresh count and last seen. */
export const UPDATE_HEARTBEAT_MS = 60_000;

/** One (rule, entity) from the moment its condition holds until the alert clears. */
export type TEpisode = {
  phase: "pending" | "open";
  entityId: string;
  sinceMs: number;
  dedupKey: string;
  count: number;
  lastSeenMs: number;
  value: number | string;
  worstValue: number | string;
  worstBadness: number;
  detail: string;
  relatedEntityIds?: string[];
  /** Since when the clear condition holds, while open. */
  clearSinceMs: number | null;
  clearDetail: string;
  lastSignalMs: number;
  /** Whether the worst value changed since the last signal. */
  worsened: boolean;
};

export type TEpisodeStep = { episode: TEpisode | undefined; signal?: TAlertSignal };

/** What the state machine reads of a rule: a built-in rule, or a declared domain's rule template (server/domains). */
export type TEpisodeRule = Pick<TRuleDefinition, "id" | "severity" | "sustainSeconds" | "clearSustainSeconds"> &
  Pick<TAlertSignal, "domain">;

/**
 * idle → pending (condition holds since t0) → open after sustainSeconds → clear after
 * the clear condition held for clearSustainSeconds. Pending needs the condition to hold
 * without a break; an open alert ignores readings in the hysteresis band, and any
 * trigger restarts its clear timer, so a value hovering around a threshold cannot flap.
 */
export function applyReading(episode: TEpisode | undefined, reading: TReading, rule: TEpisodeRule): TEpisodeStep {
  if (reading.state === "trigger") {
    const current = episode ?? startEpisode(reading, rule.id);
    record(current, reading);
    if (current.phase === "pending") return confirmOpen(current, rule, reading.atMs);
    current.clearSinceMs = null;
    const due = reading.atMs - current.lastSignalMs >= (current.worsened ? UPDATE_MIN_INTERVAL_MS : UPDATE_HEARTBEAT_MS);
    return { episode: current, signal: due ? emit("update", current, rule, reading.atMs) : undefined };
  }
  if (!episode) return { episode };
  if (episode.phase === "pending") return { episode: undefined };
  if (reading.state === "hold") {
    episode.clearSinceMs = null;
    return { episode };
  }
  episode.clearSinceMs ??= reading.sinceMs ?? reading.atMs;
  episode.clearDetail = reading.detail;
  return confirmClear(episode, rule, reading.atMs);
}

/** Timers that fire without a new reading: a pending alert whose sustain elapsed, an open one whose clear sustain did. */
export function advanceTimers(episode: TEpisode, rule: TEpisodeRule, nowMs: number): TEpisodeStep {
  return episode.phase === "pending" ? confirmOpen(episode, rule, nowMs) : confirmClear(episode, rule, nowMs);
}

/** What a signal needs of its rule; a stored alert whose rule is gone still has these. */
type TSigningRule = Pick<TEpisodeRule, "id" | "domain" | "severity">;

export const RETIRED_RULE_GONE = "Rule disabled, removed or redefined";

/** An alert whose rule went away (or that another alert of the same condition supersedes): close it rather than leave it open forever. */
export function retireEpisode(episode: TEpisode, rule: TSigningRule, atMs: number, reason = RETIRED_RULE_GONE): TAlertSignal | undefined {
  if (episode.phase !== "open") return undefined;
  episode.clearDetail = reason;
  return emit("clear", episode, rule, atMs);
}

/**
 * An open alert read back from PostgreSQL, as the episode the process that raised it held. Not stored,
 * so started afresh: the clear timer (the next clear reading restarts it) and the update throttle (the
 * first reading sends an update). The badness of the worst value comes from the rule (storedBadness).
 */
export function restoreEpisode(stored: TStoredEpisode, worstBadness: number): TEpisode {
  return {
    phase: "open",
    entityId: stored.entityId,
    sinceMs: Date.parse(stored.startedAt),
    dedupKey: stored.dedupKey,
    count: stored.count,
    lastSeenMs: Date.parse(stored.lastSeenAt),
    value: stored.value,
    worstValue: stored.worstValue,
    worstBadness,
    detail: "",
    ...(stored.relatedEntityIds?.length ? { relatedEntityIds: stored.relatedEntityIds } : {}),
    clearSinceMs: null,
    clearDetail: "",
    lastSignalMs: -Infinity,
    worsened: false,
  };
}

/**
 * Rule, entity and the event time at which this engine saw the condition start: Kafka redelivery and
 * replays of the same events give the same key, so PostgreSQL keeps one row. No key computed from
 * events can do more: a process that starts (or takes over a partition) while a condition holds sees
 * only later events and cannot know when it began. What keeps an ongoing condition on its one alert
 * is that the runtime reads open alerts back, keys included, before it evaluates anything (the
 * engine's restoreEpisodes): a key is computed once, when the condition starts, never recomputed.
 */
const episodeKey = (ruleId: string, entityId: string, observedAt: string) => `${ruleId}:${entityId}:${observedAt}`;

function startEpisode(reading: TReading, ruleId: string): TEpisode {
  return {
    phase: "pending",
    entityId: reading.entityId,
    sinceMs: reading.sinceMs ?? reading.atMs,
    dedupKey: episodeKey(ruleId, reading.entityId, reading.observedAt),
    count: 0,
    lastSeenMs: reading.atMs,
    value: reading.value,
    worstValue: reading.value,
    worstBadness: -Infinity,
    detail: reading.detail,
    clearSinceMs: null,
    clearDetail: "",
    lastSignalMs: -Infinity,
    worsened: false,
  };
}

function record(episode: TEpisode, reading: TReading): void {
  episode.count++;
  episode.lastSeenMs = Math.max(episode.lastSeenMs, reading.atMs);
  episode.value = reading.value;
  episode.detail = reading.detail;
  episode.relatedEntityIds = reading.relatedEntityIds;
  if (reading.badness > episode.worstBadness) {
    episode.worstBadness = reading.badness;
    episode.worstValue = reading.value;
    episode.worsened = true;
  }
}

function confirmOpen(episode: TEpisode, rule: TEpisodeRule, nowMs: number): TEpisodeStep {
  const openAtMs = episode.sinceMs + rule.sustainSeconds * 1000;
  if (nowMs < openAtMs) return { episode };
  episode.phase = "open";
  // Event time, not the moment an event or tick happened to notice it: replays give the same signal.
  return { episode, signal: emit("open", episode, rule, openAtMs) };
}

function confirmClear(episode: TEpisode, rule: TEpisodeRule, nowMs: number): TEpisodeStep {
  if (episode.clearSinceMs === null) return { episode };
  const clearAtMs = episode.clearSinceMs + rule.clearSustainSeconds * 1000;
  if (nowMs < clearAtMs) return { episode };
  return { episode: undefined, signal: emit("clear", episode, rule, clearAtMs) };
}

function emit(kind: TAlertSignalKind, episode: TEpisode, rule: TSigningRule, atMs: number): TAlertSignal {
  episode.lastSignalMs = atMs;
  episode.worsened = false;
  const lasted = formatDuration(atMs - episode.sinceMs);
  const message =
    kind === "clear"
      ? `Cleared after ${lasted}: ${episode.clearDetail}`
      : atMs - episode.sinceMs >= 1000
        ? `${episode.detail} for ${lasted}`
        : episode.detail;
  return {
    kind,
    ruleId: rule.id,
    entityId: episode.entityId,
    domain: rule.domain,
    severity: rule.severity,
    at: new Date(atMs).toISOString(),
    startedAt: new Date(episode.sinceMs).toISOString(),
    lastSeenAt: new Date(episode.lastSeenMs).toISOString(),
    count: episode.count,
    value: episode.value,
    worstValue: episode.worstValue,
    message,
    dedupKey: episode.dedupKey,
    ...(episode.relatedEntityIds ? { relatedEntityIds: episode.relatedEntityIds } : {}),
  };
}
