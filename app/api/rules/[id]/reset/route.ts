import { ZResetRuleRequest, ZRuleSetting } from "@/lib/contracts/rules";
import { actorOf } from "@/server/http/actor";
import { defineRoute } from "@/server/http/define-route";
import { reloadRulesEverywhere } from "@/server/http/route-deps";
import { resetRule } from "@/server/rule-engine/reset-rule";

export const dynamic = "force-dynamic";

/** Puts a built-in rule back to its default (ZResetRuleRequest → ZRuleSetting); the engine applies it at once. Supervisors only. */
export const POST = defineRoute(
  { roles: ["supervisor"], body: ZResetRuleRequest, response: ZRuleSetting },
  async ({ runtime, user, ip, body, params }) =>
    resetRule({ prisma: runtime.database.prisma, actor: actorOf(user), ip, reloadRules: reloadRulesEverywhere(runtime) }, params.id, body),
);
