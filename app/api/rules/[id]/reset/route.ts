import { ZResetRuleRequest, ZRuleSetting } from "@/lib/contracts/rules";
import { defineRoute } from "@/server/http/define-route";
import { ruleChangeDeps } from "@/server/http/route-deps";
import { resetRule } from "@/server/rule-engine/reset-rule";

export const dynamic = "force-dynamic";

/** Puts a rule back to its default, built-in or declared (ZResetRuleRequest → ZRuleSetting); the engine applies it at once. Supervisors only. */
export const POST = defineRoute({ roles: ["supervisor"], body: ZResetRuleRequest, response: ZRuleSetting }, async (input) =>
  resetRule(ruleChangeDeps(input), input.params.id, input.body),
);
