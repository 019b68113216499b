import type { TAlertSignal, TRuleDefinition } from "@/lib/contracts/rules";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { layerOf, type TCityEvent } from "@/lib/contracts/events";
import { createEntityIndex } from "./entity-index";
import {
  advanceTimers,
  applyReading,
  flapPolicyOf,
  flapState,
  restoredFlapHistory,
  restoreEpisode,
  retireEpisode,
  type TEpisode,
  type TEpisodeStep,
  type TFlapHistory,
} from "./episode";
import { createEvaluator } from "./evaluators";
import type { TReading, TRuleEvaluator } from "./evaluators/types";
import { lastEvaluatedEventMs, storedBadness, type TStoredEpisode } from "./stored-episode";

type TRuleEngineOptions = { rules: readonly TRuleDefinition[]; entities: TCityEntities };

export type TActiveEpisode = TStoredEpisode & { phase: TEpisode["phase"] };

/** A duplicate left by an older process (before alerts were restored, or a signal lost at shutdown). */
export const RETIRED_DUPLICATE = "Superseded by another alert of the same ongoing condition";

export type TRuleEngine = {
  /** Feeds one validated event; returns the alert transitions it caused. */
  evaluate(event: TCityEvent): TAlertSignal[];
  /** Advances time without an event: stale sensors, and sustain timers of alerts whose entity went quiet. */
  tick(nowMs: number): TAlertSignal[];
  /** Replaces the rule set; episodes of rules that keep their id (and kind) carry on. Returns clears for alerts of dropped rules. */
  setRules(rules: readonly TRuleDefinition[]): TAlertSignal[];
  /**
   * Carries on alerts an earlier process left open (rows whose condition has not cleared), for
   * entities this engine has not evaluated yet: their own episodes, keys included, so updates and the
   * clear go to the same row. Returns clears for rows nothing will carry on: their rule is disabled
   * or gone, or a newer row of the same (rule, entity) is carried on instead. Safe to call again:
   * what it restored counts as evaluated, and clearing a cleared row changes nothing in the store.
   */
  restoreEpisodes(stored: readonly TStoredEpisode[], nowMs: number): TAlertSignal[];
  activeEpisodes(): TActiveEpisode[];
};

type TActiveRule = {
  rule: TRuleDefinition;
  evaluator: TRuleEvaluator<TRuleDefinition>;
  episodes: Map<string, TEpisode>;
  /** Per entity, its recent opens and clears (episode.ts TFlapHistory). */
  flapHistory: Map<string, TFlapHistory>;
};

/** More than one timer can be due at a tick (a re-open, then the end of flapping); never more than a few. */
const MAX_TRANSITIONS_PER_TICK = 4;

/**
 * The thin dispatcher: routes events to the evaluators of their domain and
 * readings to the per-(rule, entity) episode state machine. Time comes only from
 * observedAt and tick(nowMs), so the same input always gives the same signals.
 */
export function createRuleEngine(options: TRuleEngineOptions): TRuleEngine {
  const index = createEntityIndex(options.entities);
  let active = new Map<string, TActiveRule>();
  /** Newest observedAt processed per entity: Kafka redelivers, and a replay must not reopen alerts. */
  const lastObservedMs = new Map<string, number>();
  let latestMs = -Infinity;

  function settle(entry: TActiveRule, entityId: string, step: TEpisodeStep, signals: TAlertSignal[]): void {
    if (step.episode) entry.episodes.set(entityId, step.episode);
    else entry.episodes.delete(entityId);
    if (step.signal) signals.push(step.signal);
  }

  function historyOf(entry: TActiveRule, entityId: string): TFlapHistory {
    let history = entry.flapHistory.get(entityId);
    if (!history) {
      history = [];
      entry.flapHistory.set(entityId, history);
    }
    return history;
  }

  function applyReadings(entry: TActiveRule, readings: readonly TReading[], signals: TAlertSignal[]): void {
    for (const reading of readings) {
      const history = historyOf(entry, reading.entityId);
      const before = entry.episodes.get(reading.entityId);
      // A flapping alert's end (stable for its window) comes before a reading at or after it: that reading is the next episode's.
      if (before?.flapping) advance(entry, before, reading.atMs, signals);
      const step = applyReading(entry.episodes.get(reading.entityId), reading, entry.rule, history);
      settle(entry, reading.entityId, step, signals);
      if (step.signal && step.episode) advance(entry, step.episode, reading.atMs, signals);
    }
  }

  /** Runs an episode's due timers, one transition at a time, until none is due. */
  function advance(entry: TActiveRule, episode: TEpisode, nowMs: number, signals: TAlertSignal[]): void {
    const history = historyOf(entry, episode.entityId);
    for (let i = 0; i < MAX_TRANSITIONS_PER_TICK; i++) {
      const step = advanceTimers(episode, entry.rule, nowMs, history);
      settle(entry, episode.entityId, step, signals);
      if (!step.signal || !step.episode) break;
    }
  }

  /** Forgets the history of entities with no change for a window: they cannot be flapping. */
  function pruneHistory(entry: TActiveRule, nowMs: number): void {
    const { windowMs } = flapPolicyOf(entry.rule);
    for (const [entityId, history] of entry.flapHistory)
      if ((history.at(-1) ?? -Infinity) <= nowMs - windowMs && !entry.episodes.get(entityId)?.flapping) entry.flapHistory.delete(entityId);
  }

  function setRules(rules: readonly TRuleDefinition[]): TAlertSignal[] {
    const next = new Map<string, TActiveRule>();
    for (const rule of rules) {
      if (next.has(rule.id)) throw new Error(`Duplicate alert rule id "${rule.id}"`);
      if (!rule.enabled) continue;
      const previous = active.get(rule.id);
      const compatible =
        previous && previous.rule.kind === rule.kind && previous.rule.domain === rule.domain && previous.rule.assetKind === rule.assetKind;
      next.set(
        rule.id,
        compatible
          ? { ...previous, rule }
          : { rule, evaluator: createEvaluator(rule.kind, index), episodes: new Map(), flapHistory: new Map() },
      );
    }
    const signals: TAlertSignal[] = [];
    for (const [id, entry] of active) {
      if (next.get(id)?.episodes === entry.episodes) continue;
      for (const episode of entry.episodes.values()) {
        const signal = retireEpisode(episode, entry.rule, latestMs);
        if (signal) signals.push(signal);
      }
    }
    active = next;
    return signals;
  }

  function restoreEpisodes(stored: readonly TStoredEpisode[], nowMs: number): TAlertSignal[] {
    // Only entities this engine knows nothing of: for the others its own memory is newer than any row.
    const evaluated = new Set(lastObservedMs.keys());
    const signals: TAlertSignal[] = [];
    // Newest first: of several rows for one (rule, entity), the one the last process was updating is kept.
    const newestFirst = [...stored].sort(
      (a, b) =>
        Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt) ||
        Date.parse(b.startedAt) - Date.parse(a.startedAt) ||
        compare(a.dedupKey, b.dedupKey),
    );
    for (const row of newestFirst) {
      const entityKey = `${row.domain}:${row.entityId}`;
      const entry = active.get(row.ruleId);
      const episode = restoreEpisode(row, entry ? storedBadness(entry.rule, row.worstValue) : -Infinity);
      const retireAtMs = Math.max(nowMs, episode.lastSeenMs);
      if (!entry || entry.rule.domain !== row.domain) {
        const signal = retireEpisode(episode, { id: row.ruleId, domain: row.domain, severity: row.severity }, retireAtMs);
        if (signal) signals.push(signal);
        continue;
      }
      if (evaluated.has(entityKey)) continue;
      const current = entry.episodes.get(row.entityId);
      if (current) {
        const signal = current.dedupKey === row.dedupKey ? undefined : retireEpisode(episode, entry.rule, retireAtMs, RETIRED_DUPLICATE);
        if (signal) signals.push(signal);
        continue;
      }
      entry.episodes.set(row.entityId, episode);
      entry.flapHistory.set(row.entityId, restoredFlapHistory(row));
      entry.evaluator.restore?.(entry.rule, episode);
      const seenMs = lastEvaluatedEventMs(entry.rule, row);
      // Never past now: a stored time from a clock gone wrong must not make the entity ignore real events.
      if (seenMs !== undefined)
        lastObservedMs.set(entityKey, Math.max(lastObservedMs.get(entityKey) ?? -Infinity, Math.min(seenMs, nowMs)));
    }
    latestMs = Math.max(latestMs, nowMs);
    return signals;
  }

  setRules(options.rules);

  return {
    evaluate(event) {
      const atMs = Date.parse(event.observedAt);
      const layer = layerOf(event);
      const entityKey = `${layer}:${event.entityId}`;
      if (atMs <= (lastObservedMs.get(entityKey) ?? -Infinity)) return [];
      lastObservedMs.set(entityKey, atMs);
      latestMs = Math.max(latestMs, atMs);
      const signals: TAlertSignal[] = [];
      for (const entry of active.values()) {
        const { rule } = entry;
        if (rule.domain !== layer) continue;
        if (rule.assetKind && (event.type !== "EnergyMeasurement" || event.assetKind !== rule.assetKind)) continue;
        applyReadings(entry, entry.evaluator.onEvent(rule, event, atMs), signals);
      }
      return signals;
    },

    tick(nowMs) {
      latestMs = Math.max(latestMs, nowMs);
      const signals: TAlertSignal[] = [];
      for (const entry of active.values()) {
        if (entry.evaluator.onTick) applyReadings(entry, entry.evaluator.onTick(entry.rule, nowMs), signals);
        for (const episode of [...entry.episodes.values()]) advance(entry, episode, nowMs, signals);
        pruneHistory(entry, nowMs);
      }
      return signals;
    },

    setRules,

    restoreEpisodes,

    activeEpisodes() {
      return [...active.values()].flatMap(({ rule, episodes, flapHistory }) =>
        [...episodes.values()].map((e) => ({
          ruleId: rule.id,
          entityId: e.entityId,
          domain: rule.domain,
          severity: rule.severity,
          phase: e.phase,
          startedAt: new Date(e.sinceMs).toISOString(),
          lastSeenAt: new Date(e.lastSeenMs).toISOString(),
          count: e.count,
          value: e.value,
          worstValue: e.worstValue,
          dedupKey: e.dedupKey,
          ...(e.relatedEntityIds ? { relatedEntityIds: e.relatedEntityIds } : {}),
          ...(e.flapTotal > 0 ? { flap: flapState(e, rule, flapHistory.get(e.entityId) ?? []) } : {}),
        })),
      );
    },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
