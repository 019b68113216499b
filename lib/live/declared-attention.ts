import type { TAlertSeverity } from "@/lib/contracts/alerts";
import type { DOMAIN_STATUS_TONES, TDomainDefinition, TDomainEvent } from "@/lib/contracts/domain-definition";
import type { TAttentionLevel } from "./attention";

/** A rule's severity as the level its readings reach once past its threshold. */
const SEVERITY_LEVEL: Record<TAlertSeverity, TAttentionLevel> = { critical: 3, major: 2, minor: 1, warning: 1 };
/** A status colour's level: the map draws "warn" and "critical" values in the colours of those levels. */
const TONE_LEVEL: Record<(typeof DOMAIN_STATUS_TONES)[number], TAttentionLevel> = { ok: 0, info: 0, muted: 0, warn: 2, critical: 3 };

type TLevelOfReading = (event: TDomainEvent) => TAttentionLevel;

const oneBelow = (level: TAttentionLevel) => Math.max(0, level - 1) as TAttentionLevel;

/**
 * How much a declared domain's reading needs attention, read from its definition alone (the same on the hub and
 * in the browser, no code per domain): the highest of
 *   - each threshold rule: its severity's level past the opening threshold, one level below in the hysteresis band
 *     (between the clearing and the opening threshold: on its way to an alert, or not yet clear of one);
 *   - each status rule: its severity's level for the values that open it, one below when it only applies at night
 *     (a reading alone cannot say whether the sun is down);
 *   - a status-coloured map: the level of the value's tone ("critical" values are drawn in the critical colour).
 * A scale-coloured map adds nothing: its stops say where the colours change, not which end is worse.
 * Null when the definition gives no level at all: its readings are then counted, not graded.
 */
export function declaredLevelRule(definition: Pick<TDomainDefinition, "rules" | "map">): TLevelOfReading | null {
  const judges: TLevelOfReading[] = [];
  for (const rule of definition.rules) {
    const level = SEVERITY_LEVEL[rule.severity];
    if (rule.kind === "threshold") {
      const { field, openAbove, clearBelow, openBelow, clearAbove } = rule;
      if (openAbove !== undefined && clearBelow !== undefined) {
        judges.push((event) => {
          const value = event[field];
          if (typeof value !== "number") return 0;
          return value >= openAbove ? level : value >= clearBelow ? oneBelow(level) : 0;
        });
      } else if (openBelow !== undefined && clearAbove !== undefined) {
        judges.push((event) => {
          const value = event[field];
          if (typeof value !== "number") return 0;
          return value < openBelow ? level : value <= clearAbove ? oneBelow(level) : 0;
        });
      }
    } else if (rule.kind === "status") {
      const values = new Set(rule.values);
      const reached = rule.onlyAtNight ? oneBelow(level) : level;
      judges.push((event) => (event[rule.field] !== undefined && values.has(String(event[rule.field])) ? reached : 0));
    }
  }
  const { color } = definition.map;
  if (color.kind === "status" && Object.values(color.tones).some((tone) => TONE_LEVEL[tone] > 0)) {
    judges.push((event) => {
      const value = event[color.field];
      const tone = value === undefined ? undefined : color.tones[String(value)];
      return tone ? TONE_LEVEL[tone] : 0;
    });
  }
  if (judges.length === 0) return null;
  return (event) => {
    let worst: TAttentionLevel = 0;
    for (const judge of judges) {
      const level = judge(event);
      if (level > worst) worst = level;
    }
    return worst;
  };
}

/** What grades a declared domain's readings, in words people read: its rules' titles and its status colours' legend. */
export function declaredLevelSources(definition: Pick<TDomainDefinition, "rules" | "map">): string[] {
  const rules = definition.rules.filter((rule) => rule.kind !== "stale").map((rule) => rule.title);
  const { color } = definition.map;
  const isToneGraded = color.kind === "status" && Object.values(color.tones).some((tone) => TONE_LEVEL[tone] > 0);
  return isToneGraded ? [...rules, definition.map.legend] : rules;
}
