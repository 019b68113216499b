import { ZRuleSetting, ZUpdateRuleRequest } from "@/lib/contracts/rules";
import { defineRoute } from "@/server/http/define-route";
import { ruleChangeDeps } from "@/server/http/route-deps";
import { updateRule } from "@/server/rule-engine/update-rule";

export const dynamic = "force-dynamic";

/** Tunes a rule; takes effect in the running engine at once (ZUpdateRuleRequest → ZRuleSetting). Supervisors only. */
export const PUT = defineRoute({ roles: ["supervisor"], body: ZUpdateRuleRequest, response: ZRuleSetting }, async (input) =>
  updateRule(ruleChangeDeps(input), input.params.id, input.body),
);
