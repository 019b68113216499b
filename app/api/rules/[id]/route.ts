import { ZRuleSetting, ZUpdateRuleRequest } from "@/lib/contracts/rules";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";
import { reloadRulesEverywhere } from "@/server/http/route-deps";
import { updateRule } from "@/server/rule-engine/update-rule";

export const dynamic = "force-dynamic";

/** Tunes a rule; takes effect in the running engine at once (ZUpdateRuleRequest → ZRuleSetting). Supervisors only. */
export const PUT = defineRoute(
  { roles: ["supervisor"], body: ZUpdateRuleRequest, response: ZRuleSetting },
  async ({ runtime, user, ip, body, params }) =>
    updateRule({ prisma: runtime.database.prisma, actor: actorOf(user), ip, reloadRules: reloadRulesEverywhere(runtime) }, params.id, body),
);
