import { formatRuleValue, type TAlertRule, type TMetricUnit } from "@/lib/contracts/rules";
import { formatDuration } from "./format-duration";

const DURATION_PARAMS = new Set(["staleSeconds", "withinSeconds"]);

/**
 * Fills a description template ("Lot at least {openAbove} occupied for {sustainSeconds}") with the rule's
 * values as the form shows them ("95 %", "2 min", "2 bar" in `unit`, what its metric is measured in). An unknown
 * placeholder stays as written, so a typo shows on /rules instead of silently reading as something else.
 */
export function describeRule(template: string, rule: TAlertRule, unit: TMetricUnit): string {
  const params = rule.params as Record<string, unknown>;
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
    if (key === "sustainSeconds" || key === "clearSustainSeconds") return formatDuration(rule[key] * 1000);
    const value = params[key];
    if (typeof value !== "number") return placeholder;
    if (DURATION_PARAMS.has(key)) return formatDuration(value * 1000);
    if (key === "minSegments") return String(value);
    return formatRuleValue(value, unit);
  });
}
