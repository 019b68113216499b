import type { z } from "zod";
import { ZRuleDefinition, type TRuleSetting, type TUpdateRuleRequest } from "@/lib/contracts/rules";
import { invalid } from "@/server/errors";
import { commitRuleChange, type TRuleChangeDeps } from "./commit-rule-change";

/**
 * Zod issues keyed by the field the form shows: a param's issue ("params.clearBelow") under "clearBelow",
 * so its message sits beside that input rather than under the whole card.
 */
export function ruleFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String((issue.path[0] === "params" && issue.path.length > 1 ? issue.path[1] : issue.path[0]) ?? "rule");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * A supervisor tunes a rule (severity, sustain times, params, on/off). The merged rule must pass the
 * same ZRuleDefinition the engine trusts before it is stored.
 */
export function updateRule(deps: TRuleChangeDeps, ruleId: string, request: TUpdateRuleRequest): Promise<TRuleSetting> {
  const { version, ...changes } = request;
  return commitRuleChange(deps, {
    ruleId,
    version,
    action: "rule.updated",
    next: ({ rule }) => {
      const parsed = ZRuleDefinition.safeParse({ ...rule, ...changes, params: changes.params ?? rule.params });
      if (!parsed.success) throw invalid("Some values need changing; see the messages beside them", ruleFieldErrors(parsed.error));
      return parsed.data;
    },
  });
}
