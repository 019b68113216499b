import type { z } from "zod";
import { ZAlertSignal, type TRuleDefinition } from "@/lib/contracts/rules";

/** What an alert's row keeps of the episode that raised it: enough for another process to carry it on. */
export const ZStoredEpisode = ZAlertSignal.pick({
  ruleId: true,
  entityId: true,
  domain: true,
  severity: true,
  dedupKey: true,
  startedAt: true,
  lastSeenAt: true,
  count: true,
  value: true,
  worstValue: true,
  relatedEntityIds: true,
  flap: true,
});
export type TStoredEpisode = z.infer<typeof ZStoredEpisode>;

/**
 * The badness the rule's evaluator gives a value (see evaluators/*; stored-episode.test.ts keeps the two
 * in step), so a restored alert keeps its worst value until a reading is really worse. -Infinity where
 * it cannot be known: a spike's badness is the rise from a baseline that is not stored.
 */
export function storedBadness(rule: TRuleDefinition, value: number | string): number {
  if (rule.kind === "status") {
    const rank = rule.params.statuses.indexOf(value as (typeof rule.params.statuses)[number]);
    return rank >= 0 ? rule.params.statuses.length - rank : 0;
  }
  if (typeof value !== "number") return -Infinity;
  switch (rule.kind) {
    case "threshold":
      return "openAbove" in rule.params ? value : -value;
    case "outOfBand":
      return Math.max(rule.params.min - value, value - rule.params.max);
    case "stale":
    case "jamSpread":
      return value;
    case "spike":
      return -Infinity;
  }
}

/**
 * The newest observedAt of the entity's own events the raising process had certainly evaluated: it
 * evaluated the one behind lastSeenAt, or, for a silent sensor, its last report. The engine ignores
 * older events for that entity, as that process would have, so a redelivered old event cannot clear
 * the alert. undefined for a jam: its last reading may come from another segment's event.
 */
export function lastEvaluatedEventMs(rule: TRuleDefinition, stored: TStoredEpisode): number | undefined {
  switch (rule.kind) {
    case "jamSpread":
      return undefined;
    case "stale":
      return Date.parse(stored.startedAt) - rule.params.staleSeconds * 1000;
    default:
      return Date.parse(stored.lastSeenAt);
  }
}
