import type { TDomainEvent, TDomainField, TDomainRuleTemplate } from "@/lib/contracts/domain-definition";
import type { TAlertSignal } from "@/lib/contracts/rules";
import { advanceTimers, applyReading, restoreEpisode, retireEpisode, type TEpisode, type TEpisodeStep } from "@/server/rule-engine/episode";
import type { TStoredEpisode } from "@/server/rule-engine/stored-episode";
import type { TReading } from "@/server/rule-engine/evaluators/types";
import { formatDuration } from "@/server/rule-engine/format-duration";
import type { TDomainRegistry } from "./domain-registry";

const iso = (ms: number) => new Date(ms).toISOString();
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

type TActiveTemplate = {
  rule: TDomainRuleTemplate & { domain: string };
  field?: TDomainField;
  episodes: Map<string, TEpisode>;
  /** Stale rules: last report per sensor, and the sensors already reported silent. */
  lastReportMs: Map<string, number>;
  flagged: Set<string>;
};

export type TDomainRuleEngine = {
  evaluate(domain: string, event: TDomainEvent): TAlertSignal[];
  tick(nowMs: number): TAlertSignal[];
  /** Rule title by id, for the alert's name. */
  ruleName(ruleId: string): string | undefined;
  /**
   * Carries on the declared domains' alerts an earlier process left open (their rows), so an ongoing condition
   * keeps its one alert across a restart or a change of leader; returns clears for rows of rules no definition has now.
   */
  restoreEpisodes(stored: readonly TStoredEpisode[], nowMs: number): TAlertSignal[];
};

/**
 * The rule templates of the declared domains, run through the same episode state machine as the built-in
 * rules (sustain, hysteresis, clear sustain, dedup keys from event time), so their alerts behave alike.
 * Templates are fixed by the definition files; changing one means editing the file and restarting.
 */
export function createDomainRuleEngine(registry: TDomainRegistry): TDomainRuleEngine {
  const byDomain = new Map<string, TActiveTemplate[]>();
  const names = new Map<string, string>();
  for (const { definition } of registry.domains) {
    byDomain.set(
      definition.id,
      definition.rules.map((template) => ({
        rule: { ...template, domain: definition.id },
        field: "field" in template ? definition.fields.find((f) => f.name === template.field) : undefined,
        episodes: new Map(),
        lastReportMs: new Map(),
        flagged: new Set(),
      })),
    );
    for (const rule of definition.rules) names.set(rule.id, rule.title);
  }
  const lastObservedMs = new Map<string, number>();

  function settle(entry: TActiveTemplate, entityId: string, step: TEpisodeStep, signals: TAlertSignal[]) {
    if (step.episode) entry.episodes.set(entityId, step.episode);
    else entry.episodes.delete(entityId);
    if (step.signal) signals.push(step.signal);
  }

  return {
    evaluate(domain, event) {
      const atMs = Date.parse(event.observedAt);
      const key = `${domain}:${event.entityId}`;
      // Kafka redelivers: a replayed or late event must not reopen or restart anything.
      if (atMs <= (lastObservedMs.get(key) ?? -Infinity)) return [];
      lastObservedMs.set(key, atMs);
      const signals: TAlertSignal[] = [];
      for (const entry of byDomain.get(domain) ?? []) {
        const reading = readTemplate(entry, event, atMs, registry);
        if (reading) settle(entry, event.entityId, applyReading(entry.episodes.get(event.entityId), reading, entry.rule), signals);
      }
      return signals;
    },

    tick(nowMs) {
      const signals: TAlertSignal[] = [];
      for (const entries of byDomain.values()) {
        for (const entry of entries) {
          if (entry.rule.kind === "stale") {
            for (const reading of staleReadings(entry, entry.rule.staleSeconds * 1000, nowMs))
              settle(entry, reading.entityId, applyReading(entry.episodes.get(reading.entityId), reading, entry.rule), signals);
          }
          for (const [entityId, episode] of [...entry.episodes])
            settle(entry, entityId, advanceTimers(episode, entry.rule, nowMs), signals);
        }
      }
      return signals;
    },

    ruleName: (ruleId) => names.get(ruleId),

    restoreEpisodes(stored, nowMs) {
      const signals: TAlertSignal[] = [];
      const entries = new Map([...byDomain.values()].flat().map((e) => [e.rule.id, e]));
      for (const row of stored) {
        const entry = entries.get(row.ruleId);
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
        // A silent sensor stays flagged: no second stale alert for the same silence.
        if (entry.rule.kind === "stale") entry.flagged.add(row.entityId);
      }
      return signals;
    },
  };
}

/** The badness readTemplate gives a value, so a restored alert keeps its worst value until a reading is really worse. */
function badnessOf(rule: TDomainRuleTemplate, value: number | string): number {
  if (rule.kind === "status") {
    const rank = rule.values.indexOf(String(value));
    return rank >= 0 ? rule.values.length - rank : 0;
  }
  if (typeof value !== "number") return -Infinity;
  return rule.kind === "threshold" && rule.openBelow !== undefined ? -value : value;
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
      const value = event[rule.field];
      if (typeof value !== "number") return undefined;
      const label = `${field?.label ?? rule.field} ${describe(field, value)}`;
      if (rule.openAbove !== undefined && rule.clearBelow !== undefined) {
        const state = value >= rule.openAbove ? "trigger" : value < rule.clearBelow ? "clear" : "hold";
        return { ...base, state, value, badness: value, detail: `${label} (limit ${describe(field, rule.openAbove)})` };
      }
      const state = value < rule.openBelow! ? "trigger" : value > rule.clearAbove! ? "clear" : "hold";
      return { ...base, state, value, badness: -value, detail: `${label} (limit ${describe(field, rule.openBelow)})` };
    }
    case "status": {
      const raw = event[rule.field];
      if (raw === undefined) return undefined;
      const value = String(raw);
      const rank = rule.values.indexOf(value);
      const isDaytime = rule.onlyAtNight && !registry.isNight(atMs);
      const triggered = rank >= 0 && !isDaytime;
      return {
        ...base,
        state: triggered ? "trigger" : "clear",
        value,
        // Values listed first are the worse ones.
        badness: triggered ? rule.values.length - rank : 0,
        detail: `${field?.label ?? rule.field} ${value}${rule.onlyAtNight ? (isDaytime ? " in daylight" : " after dark") : ""}`,
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
