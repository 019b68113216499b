import type { TAlertSignal, TRuleDefinition } from "@/lib/contracts/alerts";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { layerOf, type TCityEvent } from "@/lib/contracts/events";
import { createEntityIndex } from "./entity-index";
import { advanceTimers, applyReading, retireEpisode, type TEpisode, type TEpisodeStep } from "./episode";
import { createEvaluator } from "./evaluators";
import type { TReading, TRuleEvaluator } from "./evaluators/types";

export type TRuleEngineOptions = { rules: readonly TRuleDefinition[]; entities: TCityEntities };

export type TActiveEpisode = Pick<TAlertSignal, "ruleId" | "entityId" | "domain" | "severity" | "startedAt" | "lastSeenAt" | "count" | "value" | "worstValue" | "dedupKey" | "relatedEntityIds"> & {
  phase: TEpisode["phase"];
};

export type TRuleEngine = {
  /** Feeds one validated event; returns the alert transitions it caused. */
  evaluate(event: TCityEvent): TAlertSignal[];
  /** Advances time without an event: stale sensors, and sustain timers of alerts whose entity went quiet. */
  tick(nowMs: number): TAlertSignal[];
  /** Replaces the rule set; episodes of rules that keep their id (and kind) carry on. Returns clears for alerts of dropped rules. */
  setRules(rules: readonly TRuleDefinition[]): TAlertSignal[];
  activeEpisodes(): TActiveEpisode[];
};

type TActiveRule = { rule: TRuleDefinition; evaluator: TRuleEvaluator<TRuleDefinition>; episodes: Map<string, TEpisode> };

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

  function applyReadings(entry: TActiveRule, readings: readonly TReading[], signals: TAlertSignal[]): void {
    for (const reading of readings) settle(entry, reading.entityId, applyReading(entry.episodes.get(reading.entityId), reading, entry.rule), signals);
  }

  function setRules(rules: readonly TRuleDefinition[]): TAlertSignal[] {
    const next = new Map<string, TActiveRule>();
    for (const rule of rules) {
      if (next.has(rule.id)) throw new Error(`Duplicate alert rule id "${rule.id}"`);
      if (!rule.enabled) continue;
      const previous = active.get(rule.id);
      const compatible = previous && previous.rule.kind === rule.kind && previous.rule.domain === rule.domain && previous.rule.assetKind === rule.assetKind;
      next.set(rule.id, compatible ? { ...previous, rule } : { rule, evaluator: createEvaluator(rule.kind, index), episodes: new Map() });
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
        for (const [entityId, episode] of [...entry.episodes]) settle(entry, entityId, advanceTimers(episode, entry.rule, nowMs), signals);
      }
      return signals;
    },

    setRules,

    activeEpisodes() {
      return [...active.values()].flatMap(({ rule, episodes }) =>
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
        })),
      );
    },
  };
}
