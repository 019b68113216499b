import type { TAlertSeverity } from "@/lib/contracts/alerts";
import type { TRuleDefinition, TUpdateRuleRequest } from "@/lib/contracts/rules";
import { fromInput, numberFieldsOf, toInput } from "./rule-fields";

/** A rule's editable values as the form holds them: numbers as typed text. */
export type TRuleDraft = {
  severity: TAlertSeverity;
  enabled: boolean;
  sustainSeconds: string;
  clearSustainSeconds: string;
  params: Record<string, string>;
};

export function draftOf(rule: TRuleDefinition): TRuleDraft {
  const params = rule.params as Record<string, number>;
  return {
    severity: rule.severity,
    enabled: rule.enabled,
    sustainSeconds: String(rule.sustainSeconds),
    clearSustainSeconds: String(rule.clearSustainSeconds),
    params: Object.fromEntries(numberFieldsOf(rule).map((f) => [f.key, toInput(params[f.key], f)])),
  };
}

export function isSameDraft(a: TRuleDraft, b: TRuleDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The PUT body, or the fields that are not numbers (checked here so the message sits by the field). */
export function requestOf(
  rule: TRuleDefinition,
  version: number,
  draft: TRuleDraft,
): { request: TUpdateRuleRequest } | { fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const seconds = (key: "sustainSeconds" | "clearSustainSeconds") => {
    const value = fromInput(draft[key], { isShare: false });
    if (value === null) fieldErrors[key] = ["Enter a number of seconds"];
    return value ?? 0;
  };
  const sustainSeconds = seconds("sustainSeconds");
  const clearSustainSeconds = seconds("clearSustainSeconds");
  const params: Record<string, unknown> = { ...rule.params };
  for (const field of numberFieldsOf(rule)) {
    const value = fromInput(draft.params[field.key] ?? "", field);
    if (value === null) fieldErrors[field.key] = ["Enter a number"];
    else params[field.key] = value;
  }
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
  return { request: { version, severity: draft.severity, enabled: draft.enabled, sustainSeconds, clearSustainSeconds, params } };
}
