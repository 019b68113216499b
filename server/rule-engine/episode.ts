import {
  FLAP_DEFAULTS,
  MAX_FLAP_CHANGES_KEPT,
  type TAlertSignal,
  type TAlertSignalKind,
  type TRuleDefinition,
  type TSignalFlap,
} from "@/lib/contracts/rules";
import { isoAt, type TReading } from "./evaluators/types";
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
  /** The latest trigger reading, or what stands for it; its detail is read only when a signal is emitted. */
  describedBy: TDescribed;
  relatedEntityIds?: string[];
  /** Since when the clear condition holds, while open. */
  clearSinceMs: number | null;
  /** The latest clear reading, or the reason an alert was retired. */
  clearDescribedBy: TDescribed;
  lastSignalMs: number;
  /** Whether the worst value changed since the last signal. */
  worsened: boolean;
  /** Whether the condition holds; false only while flapping (otherwise a clear ends the episode). */
  active: boolean;
  flapping: boolean;
  /** Opens and clears since it began to flap (0 if it never did). */
  flapTotal: number;
  /** While flapping and the condition is absent: since when the trigger holds again (the open sustain runs from there). */
  reopenSinceMs: number | null;
};

/**
 * The open and clear times of one (rule, entity) within the flap window, oldest first. The rule engine keeps it
 * per entity, outside the episodes: the alert that made a condition flap has usually cleared already.
 */
export type TFlapHistory = number[];

/** Anything with a detail to show: a reading (whose detail may be written only when read) or a fixed text. */
type TDescribed = Pick<TReading, "detail">;

const NO_DETAIL: TDescribed = { detail: "" };

type TFlapPolicy = { maxChanges: number; windowMs: number; windowMinutes: number };

export function flapPolicyOf(rule: Pick<TRuleDefinition, "flapMaxChanges" | "flapWindowMinutes">): TFlapPolicy {
  const windowMinutes = rule.flapWindowMinutes ?? FLAP_DEFAULTS.windowMinutes;
  return { maxChanges: rule.flapMaxChanges ?? FLAP_DEFAULTS.maxChanges, windowMs: windowMinutes * 60_000, windowMinutes };
}

export type TEpisodeStep = { episode: TEpisode | undefined; signal?: TAlertSignal };

/** What the state machine reads of a rule: a built-in rule, or a declared domain's rule template (server/domains). */
export type TEpisodeRule = Pick<
  TRuleDefinition,
  "id" | "severity" | "sustainSeconds" | "clearSustainSeconds" | "flapMaxChanges" | "flapWindowMinutes"
> &
  Pick<TAlertSignal, "domain">;

/**
 * idle → pending (condition holds since t0) → open after sustainSeconds → clear after
 * the clear condition held for clearSustainSeconds. Pending needs the condition to hold
 * without a break; an open alert ignores readings in the hysteresis band, and any
 * trigger restarts its clear timer, so a value hovering around a threshold cannot flap.
 *
 * A condition that still opens and clears more than flapMaxChanges times within flapWindowMinutes
 * (counted in `history`, opens and clears alike) is flapping: the alert of the change that crossed the
 * line stays open, and later clears and re-opens only count on it (updates, never a new alert) until
 * no change came for a whole window; then it clears, or carries on as a plain open alert.
 */
export function applyReading(
  episode: TEpisode | undefined,
  reading: TReading,
  rule: TEpisodeRule,
  history: TFlapHistory = [],
): TEpisodeStep {
  if (reading.state === "trigger") {
    const current = episode ?? startEpisode(reading, rule.id);
    record(current, reading);
    if (current.phase === "pending") return confirmOpen(current, rule, reading.atMs, history);
    current.clearSinceMs = null;
    if (!current.active) {
      current.reopenSinceMs ??= reading.sinceMs ?? reading.atMs;
      return advanceOpen(current, rule, reading.atMs, history);
    }
    const timed = advanceOpen(current, rule, reading.atMs, history);
    if (timed.signal) return timed;
    const due = reading.atMs - current.lastSignalMs >= (current.worsened ? UPDATE_MIN_INTERVAL_MS : UPDATE_HEARTBEAT_MS);
    return { episode: current, signal: due ? emit("update", current, rule, reading.atMs, history) : undefined };
  }
  if (!episode) return { episode };
  if (episode.phase === "pending") return { episode: undefined };
  if (!episode.active) {
    // A re-open, like an open, needs the trigger to hold without a break.
    episode.reopenSinceMs = null;
    return advanceOpen(episode, rule, reading.atMs, history);
  }
  if (reading.state === "hold") {
    episode.clearSinceMs = null;
    return advanceOpen(episode, rule, reading.atMs, history);
  }
  episode.clearSinceMs ??= reading.sinceMs ?? reading.atMs;
  episode.clearDescribedBy = reading;
  return advanceOpen(episode, rule, reading.atMs, history);
}

/** Timers that fire without a new reading: a pending alert whose sustain elapsed, an open one whose clear sustain did. */
export function advanceTimers(episode: TEpisode, rule: TEpisodeRule, nowMs: number, history: TFlapHistory = []): TEpisodeStep {
  return episode.phase === "pending" ? confirmOpen(episode, rule, nowMs, history) : advanceOpen(episode, rule, nowMs, history);
}

/** What a signal needs of its rule; a stored alert whose rule is gone still has these. */
type TSigningRule = Pick<TEpisodeRule, "id" | "domain" | "severity" | "flapMaxChanges" | "flapWindowMinutes">;

export const RETIRED_RULE_GONE = "Rule disabled, removed or redefined";

/** An alert whose rule went away (or that another alert of the same condition supersedes): close it rather than leave it open forever. */
export function retireEpisode(episode: TEpisode, rule: TSigningRule, atMs: number, reason = RETIRED_RULE_GONE): TAlertSignal | undefined {
  if (episode.phase !== "open") return undefined;
  episode.clearDescribedBy = { detail: reason };
  episode.flapping = false;
  return emit("clear", episode, rule, atMs, undefined);
}

/**
 * An open alert read back from PostgreSQL, as the episode the process that raised it held. Not stored,
 * so started afresh: the clear timer (the next clear reading restarts it) and the update throttle (the
 * first reading sends an update). The badness of the worst value comes from the rule (storedBadness).
 */
export function restoreEpisode(stored: TStoredEpisode, worstBadness: number): TEpisode {
  const flap = stored.flap?.flapping ? stored.flap : undefined;
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
    describedBy: NO_DETAIL,
    ...(stored.relatedEntityIds?.length ? { relatedEntityIds: stored.relatedEntityIds } : {}),
    clearSinceMs: null,
    clearDescribedBy: NO_DETAIL,
    lastSignalMs: -Infinity,
    worsened: false,
    active: flap?.conditionActive ?? true,
    flapping: flap !== undefined,
    flapTotal: stored.flap?.total ?? 0,
    reopenSinceMs: null,
  };
}

/** The flap history a restored alert's row kept (empty if it was not flapping). */
export function restoredFlapHistory(stored: TStoredEpisode): TFlapHistory {
  return stored.flap?.flapping ? stored.flap.changesAt.map((at) => Date.parse(at)) : [];
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
    dedupKey: episodeKey(ruleId, reading.entityId, reading.observedAt ?? isoAt(reading.atMs)),
    count: 0,
    lastSeenMs: reading.atMs,
    value: reading.value,
    worstValue: reading.value,
    worstBadness: -Infinity,
    describedBy: reading,
    clearSinceMs: null,
    clearDescribedBy: NO_DETAIL,
    lastSignalMs: -Infinity,
    worsened: false,
    active: true,
    flapping: false,
    flapTotal: 0,
    reopenSinceMs: null,
  };
}

function record(episode: TEpisode, reading: TReading): void {
  episode.count++;
  episode.lastSeenMs = Math.max(episode.lastSeenMs, reading.atMs);
  episode.value = reading.value;
  episode.describedBy = reading;
  episode.relatedEntityIds = reading.relatedEntityIds;
  if (reading.badness > episode.worstBadness) {
    episode.worstBadness = reading.badness;
    episode.worstValue = reading.value;
    episode.worsened = true;
  }
}

function confirmOpen(episode: TEpisode, rule: TEpisodeRule, nowMs: number, history: TFlapHistory): TEpisodeStep {
  const openAtMs = episode.sinceMs + rule.sustainSeconds * 1000;
  if (nowMs < openAtMs) return { episode };
  episode.phase = "open";
  noteChange(episode, rule, history, openAtMs);
  // Event time, not the moment an event or tick happened to notice it: replays give the same signal.
  return { episode, signal: emit("open", episode, rule, openAtMs, history) };
}

/**
 * An open episode's timers, earliest first: the clear sustain (the condition is present), the re-open
 * sustain (flapping, condition absent), the end of flapping (a whole window without a change). One
 * transition per call; the engine calls again while they keep coming.
 */
function advanceOpen(episode: TEpisode, rule: TEpisodeRule, nowMs: number, history: TFlapHistory): TEpisodeStep {
  const policy = flapPolicyOf(rule);
  const clearAtMs = episode.active && episode.clearSinceMs !== null ? episode.clearSinceMs + rule.clearSustainSeconds * 1000 : Infinity;
  const reopenAtMs = !episode.active && episode.reopenSinceMs !== null ? episode.reopenSinceMs + rule.sustainSeconds * 1000 : Infinity;
  const stableAtMs = episode.flapping ? (history.at(-1) ?? -Infinity) + policy.windowMs : Infinity;
  const firstMs = Math.min(clearAtMs, reopenAtMs, stableAtMs);
  if (firstMs > nowMs) return { episode };
  if (firstMs === stableAtMs) {
    episode.flapping = false;
    if (!episode.active) return { episode: undefined, signal: emit("clear", episode, rule, stableAtMs, history) };
    return { episode, signal: emit("update", episode, rule, stableAtMs, history) };
  }
  if (firstMs === reopenAtMs) {
    episode.active = true;
    episode.reopenSinceMs = null;
    noteChange(episode, rule, history, reopenAtMs);
    return { episode, signal: emit("update", episode, rule, reopenAtMs, history) };
  }
  noteChange(episode, rule, history, clearAtMs);
  episode.clearSinceMs = null;
  if (!episode.flapping) return { episode: undefined, signal: emit("clear", episode, rule, clearAtMs, history) };
  episode.active = false;
  return { episode, signal: emit("update", episode, rule, clearAtMs, history) };
}

/** Counts an open or clear in the (rule, entity)'s window; past the rule's limit the episode is flapping. */
function noteChange(episode: TEpisode, rule: TEpisodeRule, history: TFlapHistory, atMs: number): void {
  const policy = flapPolicyOf(rule);
  history.push(atMs);
  let stale = 0;
  while (stale < history.length && history[stale] <= atMs - policy.windowMs) stale++;
  if (history.length - stale > MAX_FLAP_CHANGES_KEPT) stale = history.length - MAX_FLAP_CHANGES_KEPT;
  history.splice(0, stale);
  if (episode.flapping) episode.flapTotal++;
  else if (history.length > policy.maxChanges) {
    episode.flapping = true;
    episode.flapTotal = history.length;
  }
}

function emit(
  kind: TAlertSignalKind,
  episode: TEpisode,
  rule: TSigningRule,
  atMs: number,
  history: TFlapHistory | undefined,
): TAlertSignal {
  episode.lastSignalMs = atMs;
  episode.worsened = false;
  const lasted = formatDuration(atMs - episode.sinceMs);
  const message =
    kind === "clear"
      ? `Cleared after ${lasted}: ${episode.clearDescribedBy.detail}`
      : atMs - episode.sinceMs >= 1000
        ? `${episode.describedBy.detail} for ${lasted}`
        : episode.describedBy.detail;
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
    ...(episode.flapTotal > 0 && history ? { flap: flapState(episode, rule, history) } : {}),
  };
}

/** A flapped episode's state as signals carry it and the alert's row stores it. */
export function flapState(episode: TEpisode, rule: TSigningRule, history: TFlapHistory): TSignalFlap {
  return {
    flapping: episode.flapping,
    changesAt: history.map((ms) => new Date(ms).toISOString()),
    total: episode.flapTotal,
    conditionActive: episode.active,
    windowMinutes: flapPolicyOf(rule).windowMinutes,
  };
}
