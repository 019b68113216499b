import type { TAlertSignal, TRuleDefinition } from "@/lib/contracts/rules";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { layerOf, type TCityEvent } from "@/lib/contracts/events";
import { parseObservedAt } from "@/server/city/parse-observed-at";
import { createEntityIndex } from "./entity-index";
import { flapState, restoredFlapHistory, restoreEpisode, retireEpisode, type TEpisode } from "./episode";
import { createEvaluator } from "./evaluators";
import type { TRuleEvaluator } from "./evaluators/types";
import { lastEvaluatedEventMs, storedBadness, type TStoredEpisode } from "./stored-episode";
import { applyRuleReadings, tickRuleEpisodes, type TRuleEpisodes } from "./rule-episodes";

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
  /** restoreEpisodes a slice of rows at a time, for a caller that gives the event loop back between slices. */
  beginRestore(stored: readonly TStoredEpisode[], nowMs: number): TEpisodeRestore;
  activeEpisodes(): TActiveEpisode[];
};

export type TEpisodeRestore = {
  /** Restores up to `rows` more rows (newest first, as restoreEpisodes does) and returns their signals. */
  next(rows: number): TAlertSignal[];
  readonly done: boolean;
};

type TActiveRule = TRuleEpisodes & {
  rule: TRuleDefinition;
  evaluator: TRuleEvaluator<TRuleDefinition>;
};

/**
 * The thin dispatcher: routes events to the evaluators of their domain and
 * readings to the per-(rule, entity) episode state machine. Time comes only from
 * observedAt and tick(nowMs), so the same input always gives the same signals.
 */
export function createRuleEngine(options: TRuleEngineOptions): TRuleEngine {
  const index = createEntityIndex(options.entities);
  let active = new Map<string, TActiveRule>();
  /** Newest observedAt processed per entity, by domain: Kafka redelivers, and a replay must not reopen alerts. */
  const lastObservedMs = new Map<string, Map<string, number>>();
  let latestMs = -Infinity;

  function lastObservedIn(domain: string): Map<string, number> {
    let byEntity = lastObservedMs.get(domain);
    if (!byEntity) lastObservedMs.set(domain, (byEntity = new Map()));
    return byEntity;
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

  function beginRestore(stored: readonly TStoredEpisode[], nowMs: number): TEpisodeRestore {
    // Only entities this engine knows nothing of: for the others its own memory is newer than any row.
    const evaluated = new Map([...lastObservedMs].map(([domain, byEntity]) => [domain, new Set(byEntity.keys())]));
    // Newest first: of several rows for one (rule, entity), the one the last process was updating is kept.
    const newestFirst = stored
      .map((row) => ({ row, lastSeenMs: Date.parse(row.lastSeenAt), startedMs: Date.parse(row.startedAt) }))
      .sort((a, b) => b.lastSeenMs - a.lastSeenMs || b.startedMs - a.startedMs || compare(a.row.dedupKey, b.row.dedupKey));
    latestMs = Math.max(latestMs, nowMs);
    let restored = 0;
    return {
      next(rows) {
        const signals: TAlertSignal[] = [];
        const end = Math.min(newestFirst.length, restored + rows);
        for (; restored < end; restored++) restoreRow(newestFirst[restored].row, nowMs, evaluated, signals);
        return signals;
      },
      get done() {
        return restored >= newestFirst.length;
      },
    };
  }

  function restoreRow(
    row: TStoredEpisode,
    nowMs: number,
    evaluated: ReadonlyMap<string, ReadonlySet<string>>,
    signals: TAlertSignal[],
  ): void {
    const entry = active.get(row.ruleId);
    const episode = restoreEpisode(row, entry ? storedBadness(entry.rule, row.worstValue) : -Infinity);
    const retireAtMs = Math.max(nowMs, episode.lastSeenMs);
    if (!entry || entry.rule.domain !== row.domain) {
      const signal = retireEpisode(episode, { id: row.ruleId, domain: row.domain, severity: row.severity }, retireAtMs);
      if (signal) signals.push(signal);
      return;
    }
    if (evaluated.get(row.domain)?.has(row.entityId)) return;
    const current = entry.episodes.get(row.entityId);
    if (current) {
      const signal = current.dedupKey === row.dedupKey ? undefined : retireEpisode(episode, entry.rule, retireAtMs, RETIRED_DUPLICATE);
      if (signal) signals.push(signal);
      return;
    }
    entry.episodes.set(row.entityId, episode);
    entry.flapHistory.set(row.entityId, restoredFlapHistory(row));
    entry.evaluator.restore?.(entry.rule, episode);
    const seenMs = lastEvaluatedEventMs(entry.rule, row);
    // Never past now: a stored time from a clock gone wrong must not make the entity ignore real events.
    if (seenMs !== undefined) {
      const seen = lastObservedIn(row.domain);
      seen.set(row.entityId, Math.max(seen.get(row.entityId) ?? -Infinity, Math.min(seenMs, nowMs)));
    }
  }

  setRules(options.rules);

  return {
    evaluate(event) {
      const atMs = parseObservedAt(event.observedAt);
      const layer = layerOf(event);
      const seen = lastObservedIn(layer);
      if (atMs <= (seen.get(event.entityId) ?? -Infinity)) return [];
      seen.set(event.entityId, atMs);
      latestMs = Math.max(latestMs, atMs);
      const signals: TAlertSignal[] = [];
      for (const entry of active.values()) {
        const { rule } = entry;
        if (rule.domain !== layer) continue;
        if (rule.assetKind && (event.type !== "EnergyMeasurement" || event.assetKind !== rule.assetKind)) continue;
        applyRuleReadings(entry, entry.evaluator.onEvent(rule, event, atMs), signals);
      }
      return signals;
    },

    tick(nowMs) {
      latestMs = Math.max(latestMs, nowMs);
      const signals: TAlertSignal[] = [];
      for (const entry of active.values()) {
        if (entry.evaluator.onTick) applyRuleReadings(entry, entry.evaluator.onTick(entry.rule, nowMs), signals);
        tickRuleEpisodes(entry, nowMs, signals);
      }
      return signals;
    },

    setRules,

    restoreEpisodes: (stored, nowMs) => beginRestore(stored, nowMs).next(Number.POSITIVE_INFINITY),

    beginRestore,

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
