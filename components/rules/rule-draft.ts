import type { TAlertSeverity } from "@/lib/contracts/alerts";
import {
  FLAP_DEFAULTS,
  ruleFieldErrors,
  safeParseAlertRule,
  type TAlertRule,
  type TMetricUnit,
  type TUpdateRuleRequest,
} from "@/lib/contracts/rules";
import { builtinRuleUnit, fromInput, numberFieldsOf, toInput } from "./rule-fields";

/** A rule's editable values as the form holds them: numbers as typed text. */
export type TRuleDraft = {
  severity: TAlertSeverity;
  enabled: boolean;
  sustainSeconds: string;
  clearSustainSeconds: string;
  /** More than this many opens and clears within flapWindowMinutes make the alert flapping. */
  flapMaxChanges: string;
  flapWindowMinutes: string;
  params: Record<string, string>;
};

/** `unit`: what the rule's thresholds are measured in (rule-fields.ts). */
export function draftOf(rule: TAlertRule, unit: TMetricUnit = builtinRuleUnit(rule)): TRuleDraft {
  const params = rule.params as Record<string, number>;
  return {
    severity: rule.severity,
    enabled: rule.enabled,
    sustainSeconds: String(rule.sustainSeconds),
    clearSustainSeconds: String(rule.clearSustainSeconds),
    flapMaxChanges: String(rule.flapMaxChanges ?? FLAP_DEFAULTS.maxChanges),
    flapWindowMinutes: String(rule.flapWindowMinutes ?? FLAP_DEFAULTS.windowMinutes),
    params: Object.fromEntries(numberFieldsOf(rule, unit).map((f) => [f.key, toInput(params[f.key], f)])),
  };
}

export function isSameDraft(a: TRuleDraft, b: TRuleDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The PUT body, or what is wrong with the draft, by field: numbers that are not numbers, and thresholds out of the
 * metric's range or inverted, in the words and unit the server would use (the same schema, with `unit`).
 */
export function requestOf(
  rule: TAlertRule,
  version: number,
  draft: TRuleDraft,
  unit: TMetricUnit = builtinRuleUnit(rule),
): { request: TUpdateRuleRequest } | { fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const whole = (key: "sustainSeconds" | "clearSustainSeconds" | "flapMaxChanges" | "flapWindowMinutes", message: string) => {
    const value = fromInput(draft[key], { isShare: false });
    if (value === null) fieldErrors[key] = [message];
    return value ?? 0;
  };
  const sustainSeconds = whole("sustainSeconds", "Enter a number of seconds");
  const clearSustainSeconds = whole("clearSustainSeconds", "Enter a number of seconds");
  const flapMaxChanges = whole("flapMaxChanges", "Enter a number of changes");
  const flapWindowMinutes = whole("flapWindowMinutes", "Enter a number of minutes");
  const params: Record<string, unknown> = { ...rule.params };
  for (const field of numberFieldsOf(rule, unit)) {
    const value = fromInput(draft.params[field.key] ?? "", field);
    if (value === null) fieldErrors[field.key] = ["Enter a number"];
    else params[field.key] = value;
  }
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
  const request: TUpdateRuleRequest = {
    version,
    severity: draft.severity,
    enabled: draft.enabled,
    sustainSeconds,
    clearSustainSeconds,
    // A rule on the flapping defaults stays without its own values, so it still counts as unchanged from its default.
    ...(rule.flapMaxChanges !== undefined || flapMaxChanges !== FLAP_DEFAULTS.maxChanges ? { flapMaxChanges } : {}),
    ...(rule.flapWindowMinutes !== undefined || flapWindowMinutes !== FLAP_DEFAULTS.windowMinutes ? { flapWindowMinutes } : {}),
    params,
  };
  // The rule as it would be stored (a rule's schema ignores the request's `version`).
  const checked = safeParseAlertRule({ ...rule, ...request }, () => unit);
  return checked.success ? { request } : { fieldErrors: ruleFieldErrors(checked.error) };
}
