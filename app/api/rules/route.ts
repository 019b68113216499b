import { ZRuleSettingList } from "@/lib/contracts/rules";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";
import { loadRuleSettings } from "@/server/rule-engine/load-rules";

export const dynamic = "force-dynamic";

/** The alert rules in force, built-in and declared (ZRuleSetting[]): operators read them, supervisors also change them. */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZRuleSettingList }, async ({ runtime }) =>
  loadRuleSettings(runtime.database.prisma, runtime.city.domains.rules),
);
