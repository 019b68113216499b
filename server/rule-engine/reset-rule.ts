import type { TResetRuleRequest, TRuleSetting } from "@/lib/contracts/rules";
import { recordAudit } from "@/server/audit/record-audit";
import type { Prisma } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import { DEFAULT_RULES } from "./default-rules";
import { loadRuleSettings } from "./load-rules";
import { STALE_RULE, type TUpdateRuleDeps } from "./update-rule";

/**
 * A supervisor puts a built-in rule back to its default. The override row is overwritten with the default
 * (version + 1) rather than deleted: deleting would bring the version back to 0, and a browser still holding
 * version 0 from before the first change could then save over the reset unnoticed. Version-checked and
 * audited like any other rule change; a rule already at its defaults is left alone.
 */
export async function resetRule(deps: TUpdateRuleDeps, ruleId: string, request: TResetRuleRequest): Promise<TRuleSetting> {
  const builtIn = DEFAULT_RULES.find((r) => r.id === ruleId);
  const changed = await inTransaction(deps.prisma, async (tx) => {
    const current = (await loadRuleSettings(tx)).find((s) => s.rule.id === ruleId);
    if (!current || !builtIn) throw notFound("No such rule");
    if (current.version !== request.version) throw conflict(STALE_RULE, current);
    if (current.isDefault) return false;
    const { count } = await tx.ruleSetting.updateMany({
      where: { id: ruleId, version: request.version },
      data: {
        definition: builtIn as unknown as Prisma.InputJsonValue,
        version: { increment: 1 },
        updatedById: deps.actor.id,
        updatedAt: new Date(),
      },
    });
    if (count === 0)
      throw conflict(
        STALE_RULE,
        (await loadRuleSettings(tx)).find((s) => s.rule.id === ruleId),
      );
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "rule.reset",
      entityType: "rule",
      entityId: ruleId,
      before: { ...current.rule, version: current.version },
      after: { ...builtIn, version: current.version + 1 },
    });
    return true;
  });
  if (changed) await deps.reloadRules();
  const setting = (await loadRuleSettings(deps.prisma)).find((s) => s.rule.id === ruleId);
  if (!setting) throw notFound("No such rule");
  return setting;
}
