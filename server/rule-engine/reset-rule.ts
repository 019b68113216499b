import type { TResetRuleRequest, TRuleSetting } from "@/lib/contracts/rules";
import { notFound } from "@/server/errors";
import { commitRuleChange, type TRuleChangeDeps } from "./commit-rule-change";

/**
 * A supervisor puts a rule back to its default (the built-in one, or its domain definition's). The override row is overwritten with the default
 * (version + 1) rather than deleted: deleting would bring the version back to 0, and a browser still holding
 * version 0 from before the first change could then save over the reset unnoticed. A rule already at its
 * defaults is left alone.
 */
export function resetRule(deps: TRuleChangeDeps, ruleId: string, request: TResetRuleRequest): Promise<TRuleSetting> {
  const builtIn = deps.rules.defaultOf(ruleId);
  if (!builtIn) return Promise.reject(notFound("No such rule"));
  return commitRuleChange(deps, {
    ruleId,
    version: request.version,
    action: "rule.reset",
    next: (current) => (current.isDefault ? null : builtIn),
  });
}
