import type { TAlertSignal } from "@/lib/contracts/rules";
import {
  advanceTimers,
  applyReading,
  flapPolicyOf,
  type TEpisode,
  type TEpisodeRule,
  type TEpisodeStep,
  type TFlapHistory,
} from "./episode";
import type { TReading } from "./evaluators/types";

/**
 * One rule's open episodes and recent opens and clears, per entity: what both engines keep per rule (the built-in
 * rules' and the declared domains' templates), so sustain, hysteresis and flapping behave the same in each.
 */
export type TRuleEpisodes = {
  rule: TEpisodeRule;
  episodes: Map<string, TEpisode>;
  /** Per entity, its recent opens and clears (episode.ts TFlapHistory). */
  flapHistory: Map<string, TFlapHistory>;
};

/** More than one timer can be due at a tick (a re-open, then the end of flapping); never more than a few. */
const MAX_TRANSITIONS_PER_TICK = 4;

function settle(entry: TRuleEpisodes, entityId: string, step: TEpisodeStep, signals: TAlertSignal[]): void {
  if (step.episode) entry.episodes.set(entityId, step.episode);
  else entry.episodes.delete(entityId);
  if (step.signal) signals.push(step.signal);
}

function historyOf(entry: TRuleEpisodes, entityId: string): TFlapHistory {
  let history = entry.flapHistory.get(entityId);
  if (!history) {
    history = [];
    entry.flapHistory.set(entityId, history);
  }
  return history;
}

/** Feeds readings to their entities' episodes; the signals they cause go to `signals`. */
export function applyRuleReadings(entry: TRuleEpisodes, readings: readonly TReading[], signals: TAlertSignal[]): void {
  for (const reading of readings) {
    const before = entry.episodes.get(reading.entityId);
    // Nothing to start and nothing to end, the reading of almost every event: no flap history made for it either.
    if (!before && reading.state !== "trigger") continue;
    const history = historyOf(entry, reading.entityId);
    // A flapping alert's end (stable for its window) comes before a reading at or after it: that reading is the next episode's.
    if (before?.flapping) advanceRuleEpisode(entry, before, reading.atMs, signals);
    const step = applyReading(entry.episodes.get(reading.entityId), reading, entry.rule, history);
    settle(entry, reading.entityId, step, signals);
    if (step.signal && step.episode) advanceRuleEpisode(entry, step.episode, reading.atMs, signals);
  }
}

/** Runs an episode's due timers, one transition at a time, until none is due. */
export function advanceRuleEpisode(entry: TRuleEpisodes, episode: TEpisode, nowMs: number, signals: TAlertSignal[]): void {
  const history = historyOf(entry, episode.entityId);
  for (let i = 0; i < MAX_TRANSITIONS_PER_TICK; i++) {
    const step = advanceTimers(episode, entry.rule, nowMs, history);
    settle(entry, episode.entityId, step, signals);
    if (!step.signal || !step.episode) break;
  }
}

/** Every episode's due timers, then forgets the history of entities with no change for a window: they cannot be flapping. */
export function tickRuleEpisodes(entry: TRuleEpisodes, nowMs: number, signals: TAlertSignal[]): void {
  for (const episode of [...entry.episodes.values()]) advanceRuleEpisode(entry, episode, nowMs, signals);
  const { windowMs } = flapPolicyOf(entry.rule);
  for (const [entityId, history] of entry.flapHistory)
    if ((history.at(-1) ?? -Infinity) <= nowMs - windowMs && !entry.episodes.get(entityId)?.flapping) entry.flapHistory.delete(entityId);
}
