import type { TDomainEvent, TDomainField } from "@/lib/contracts/domain-definition";
import { isBuiltinRule, type TAlertSignal, type TDeclaredRule } from "@/lib/contracts/rules";
import { restoredFlapHistory, restoreEpisode, retireEpisode } from "@/server/rule-engine/episode";
import type { TStoredEpisode } from "@/server/rule-engine/stored-episode";
import type { TReading } from "@/server/rule-engine/evaluators/types";
import { formatDuration } from "@/server/rule-engine/format-duration";
import { applyRuleReadings, tickRuleEpisodes, type TRuleEpisodes } from "@/server/rule-engine/rule-episodes";
import type { TDomainRegistry } from "./domain-registry";

const iso = (ms: number) => new Date(ms).toISOString();
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

type TActiveTemplate = TRuleEpisodes & {
  rule: TDeclaredRule;
  field?: TDomainField;
  /** Stale rules: last report per sensor, and the sensors already reported silent. */
  lastReportMs: Map<string, number>;
  flagged: Set<string>;
};

export type TDomainRuleEngine = {
  evaluate(domain: string, event: TDomainEvent): TAlertSignal[];
  tick(nowMs: number): TAlertSignal[];
  /**
   * Replaces the rules in force (a supervisor tuned one on /rules): episodes of a rule that keeps its id, kind
   * and field carry on under its new values; returns clears for the alerts of rules switched off or gone.
   */
  setRules(rules: readonly TDeclaredRule[]): TAlertSignal[];
  /**
   * Carries on the declared domains' alerts an earlier process left open (their rows), so an ongoing condition
   * keeps its one alert across a restart or a change of leader; returns clears for rows of rules no longer in force.
   */
  restoreEpisodes(stored: readonly TStoredEpisode[], nowMs: number): TAlertSignal[];
};

/** The declared rules a registry starts with: its definitions' templates, before any supervisor tuned them. */
export function declaredDefaults(registry: TDomainRegistry): TDeclaredRule[] {
  return registry.rules.defaults.filter((rule): rule is TDeclaredRule => !isBuiltinRule(rule));
}

/**
 * The declared domains' rules (their definitions' templates, as tuned on /rules), run through the same episode
 * state machine as the built-in rules (sustain, hysteresis, clear sustain, flapping, dedup keys from event time),
 * so their alerts behave alike.
 */
export function createDomainRuleEngine(
  registry: TDomainRegistry,
  rules: readonly TDeclaredRule[] = declaredDefaults(registry),
): TDomainRuleEngine {
  let active = new Map<string, TActiveTemplate>();
  const lastObservedMs = new Map<string, number>();
  let latestMs = -Infinity;

  function setRules(next: readonly TDeclaredRule[]): TAlertSignal[] {
    const entries = new Map<string, TActiveTemplate>();
    for (const rule of next) {
      const definition = registry.byId.get(rule.domain)?.definition;
      if (!rule.enabled || !definition) continue;
      const fieldName = fieldOf(rule);
      const previous = active.get(rule.id);
      const keeps =
        previous && previous.rule.kind === rule.kind && previous.rule.domain === rule.domain && fieldOf(previous.rule) === fieldName;
      entries.set(
        rule.id,
        keeps
          ? { ...previous, rule }
          : {
              rule,
              field: definition.fields.find((f) => f.name === fieldName),
              episodes: new Map(),
              flapHistory: new Map(),
              lastReportMs: new Map(),
              flagged: new Set(),
            },
      );
    }
    const signals: TAlertSignal[] = [];
    for (const [id, entry] of active) {
      if (entries.get(id)?.episodes === entry.episodes) continue;
      for (const episode of entry.episodes.values()) {
        const signal = retireEpisode(episode, entry.rule, latestMs);
        if (signal) signals.push(signal);
      }
    }
    active = entries;
    return signals;
  }

  setRules(rules);

  return {
    evaluate(domain, event) {
      const atMs = Date.parse(event.observedAt);
      const key = `${domain}:${event.entityId}`;
      // Kafka redelivers: a replayed or late event must not reopen or restart anything.
      if (atMs <= (lastObservedMs.get(key) ?? -Infinity)) return [];
      lastObservedMs.set(key, atMs);
      latestMs = Math.max(latestMs, atMs);
      const signals: TAlertSignal[] = [];
      for (const entry of active.values()) {
        if (entry.rule.domain !== domain) continue;
        const reading = readTemplate(entry, event, atMs, registry);
        if (reading) applyRuleReadings(entry, [reading], signals);
      }
      return signals;
    },

    tick(nowMs) {
      latestMs = Math.max(latestMs, nowMs);
      const signals: TAlertSignal[] = [];
      for (const entry of active.values()) {
        if (entry.rule.kind === "stale")
          applyRuleReadings(entry, staleReadings(entry, entry.rule.params.staleSeconds * 1000, nowMs), signals);
        tickRuleEpisodes(entry, nowMs, signals);
      }
      return signals;
    },

    setRules,

    restoreEpisodes(stored, nowMs) {
      const signals: TAlertSignal[] = [];
      for (const row of stored) {
        const entry = active.get(row.ruleId);
        if (!entry || entry.rule.domain !== row.domain) {
          const signal = retireEpisode(
            restoreEpisode(row, -Infinity),
            { id: row.ruleId, domain: row.domain, severity: row.severity },
            Math.max(nowMs, Date.parse(row.lastSeenAt)),
          );
          if (signal) signals.push(signal);
          continue;
        }
        if (entry.episodes.has(row.entityId)) continue;
        entry.episodes.set(row.entityId, restoreEpisode(row, badnessOf(entry.rule, row.worstValue)));
        entry.flapHistory.set(row.entityId, restoredFlapHistory(row));
        // A silent sensor stays flagged: no second stale alert for the same silence.
        if (entry.rule.kind === "stale") entry.flagged.add(row.entityId);
      }
      latestMs = Math.max(latestMs, nowMs);
      return signals;
    },
  };
}

/** The field a rule reads (none for a stale rule). */
function fieldOf(rule: TDeclaredRule): string | undefined {
  if (rule.kind === "threshold") return rule.params.metric;
  if (rule.kind === "status") return rule.params.field;
  return undefined;
}

/** The badness readTemplate gives a value, so a restored alert keeps its worst value until a reading is really worse. */
function badnessOf(rule: TDeclaredRule, value: number | string): number {
  if (rule.kind === "status") {
    const rank = rule.params.statuses.indexOf(String(value));
    return rank >= 0 ? rule.params.statuses.length - rank : 0;
  }
  if (typeof value !== "number") return -Infinity;
  return rule.kind === "threshold" && "openBelow" in rule.params ? -value : value;
}

function describe(field: TDomainField | undefined, value: unknown): string {
  if (!field) return String(value);
  if (field.kind === "number" && typeof value === "number") return `${NUMBER.format(value)} ${field.unit}`.trim();
  return String(value);
}

function readTemplate(entry: TActiveTemplate, event: TDomainEvent, atMs: number, registry: TDomainRegistry): TReading | undefined {
  const { rule, field } = entry;
  const base = { entityId: event.entityId, atMs, observedAt: iso(atMs) };
  switch (rule.kind) {
    case "threshold": {
      const { params } = rule;
      const value = event[params.metric];
      if (typeof value !== "number") return undefined;
      const label = `${field?.label ?? params.metric} ${describe(field, value)}`;
      if ("openAbove" in params) {
        const state = value >= params.openAbove ? "trigger" : value < params.clearBelow ? "clear" : "hold";
        return { ...base, state, value, badness: value, detail: `${label} (limit ${describe(field, params.openAbove)})` };
      }
      const state = value < params.openBelow ? "trigger" : value > params.clearAbove ? "clear" : "hold";
      return { ...base, state, value, badness: -value, detail: `${label} (limit ${describe(field, params.openBelow)})` };
    }
    case "status": {
      const { field: name, statuses, onlyAtNight } = rule.params;
      const raw = event[name];
      if (raw === undefined) return undefined;
      const value = String(raw);
      const rank = statuses.indexOf(value);
      const isDaytime = onlyAtNight && !registry.isNight(atMs);
      const triggered = rank >= 0 && !isDaytime;
      return {
        ...base,
        state: triggered ? "trigger" : "clear",
        value,
        // Values listed first are the worse ones.
        badness: triggered ? statuses.length - rank : 0,
        detail: `${field?.label ?? name} ${value}${onlyAtNight ? (isDaytime ? " in daylight" : " after dark") : ""}`,
      };
    }
    case "stale":
      entry.lastReportMs.set(event.entityId, atMs);
      entry.flagged.delete(event.entityId);
      return { ...base, state: "clear", value: 0, badness: 0, detail: "Reporting again" };
  }
}

function staleReadings(entry: TActiveTemplate, staleMs: number, nowMs: number): TReading[] {
  const readings: TReading[] = [];
  for (const [entityId, lastMs] of entry.lastReportMs) {
    if (entry.flagged.has(entityId) || nowMs - lastMs < staleMs) continue;
    entry.flagged.add(entityId);
    const silentSeconds = Math.round((nowMs - lastMs) / 1000);
    readings.push({
      entityId,
      state: "trigger",
      atMs: nowMs,
      sinceMs: lastMs + staleMs,
      observedAt: iso(lastMs),
      value: silentSeconds,
      badness: silentSeconds,
      detail: `No report since ${iso(lastMs)} (limit ${formatDuration(staleMs)})`,
    });
  }
  return readings;
}
