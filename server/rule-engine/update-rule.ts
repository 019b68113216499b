import { ruleFieldErrors, safeParseAlertRule, type TRuleSetting, type TUpdateRuleRequest } from "@/lib/contracts/rules";
import { invalid } from "@/server/errors";
import { commitRuleChange, type TRuleChangeDeps } from "./commit-rule-change";

/**
 * A supervisor tunes a rule (severity, sustain times, params, on/off). The merged rule must pass the
 * same schema the engine trusts (its domain's: built-in or declared) before it is stored; thresholds must lie within
 * the metric's readings, and the messages name the metric with its unit.
 */
export function updateRule(deps: TRuleChangeDeps, ruleId: string, request: TUpdateRuleRequest): Promise<TRuleSetting> {
  const { version, ...changes } = request;
  return commitRuleChange(deps, {
    ruleId,
    version,
    action: "rule.updated",
    next: ({ rule }) => {
      const parsed = safeParseAlertRule({ ...rule, ...changes, params: changes.params ?? rule.params }, deps.rules.metricUnit);
      if (!parsed.success) throw invalid("Some values need changing; see the messages beside them", ruleFieldErrors(parsed.error));
      return parsed.data;
    },
  });
}
