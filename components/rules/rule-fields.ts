import { RULE_FIELD_LABELS, ruleMetric, type TAlertRule, type TMetricUnit } from "@/lib/contracts/rules";
import { domainCatalog } from "@/lib/domains/domain-catalog";

/** How a number is shown: shares (0–1) as percentages, everything else as stored. */
type TNumberField = { key: string; label: string; unit: string; isShare: boolean; step: number };

const LABEL: Record<string, string> = RULE_FIELD_LABELS;

const SECONDS = new Set(["staleSeconds", "withinSeconds"]);

const BUILTIN = domainCatalog();

/** What a rule's thresholds are measured in; a declared domain's rule needs its definition (useDomainCatalog's metricUnit). */
export const builtinRuleUnit = (rule: TAlertRule): TMetricUnit => BUILTIN.metricUnit(rule.domain, ruleMetric(rule));

/** The rule's tunable numeric params, in the order the definition lists them; thresholds are in `unit`. */
export function numberFieldsOf(rule: TAlertRule, unit: TMetricUnit = builtinRuleUnit(rule)): TNumberField[] {
  const params = rule.params as Record<string, unknown>;
  return Object.entries(params)
    .filter(([, value]) => typeof value === "number")
    .map(([key]) => {
      if (SECONDS.has(key)) return { key, label: LABEL[key] ?? key, unit: "s", isShare: false, step: 1 };
      if (key === "minSegments") return { key, label: LABEL[key], unit: "segments", isShare: false, step: 1 };
      return { key, label: LABEL[key] ?? key, unit: unit.unit, isShare: unit.isShare, step: unit.isShare ? 1 : 0.01 };
    });
}

/** Stored value → what the input shows (0.95 → "95"), without float noise. */
export function toInput(value: number, field: Pick<TNumberField, "isShare">): string {
  return String(field.isShare ? Number((value * 100).toFixed(6)) : value);
}

/** Input text → stored value, or null when it is not a number. */
export function fromInput(text: string, field: Pick<TNumberField, "isShare">): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  return field.isShare ? Number((value / 100).toFixed(8)) : value;
}
