import type { TAlertRule, TRuleSetting } from "@/lib/contracts/rules";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { conflict, notFound } from "@/server/errors";
import { inTransaction, type TTx } from "@/server/db/transaction";
import { loadRuleSettings } from "./load-rules";
import type { TRuleCatalog } from "./rule-catalog";

export type TRuleChangeDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
  /** Reloads the rules into the running engine (no restart). */
  reloadRules: () => Promise<void>;
  /** The rules this city has (built-in and its declared domains'), with their defaults. */
  rules: TRuleCatalog;
};

export const STALE_RULE = "This rule was changed by someone else; reload it and try again";

type TRuleChange = {
  ruleId: string;
  /** The version the supervisor's form was read at. */
  version: number;
  action: "rule.updated" | "rule.reset";
  /** The rule as it should be stored, from the current setting; null → nothing to change. */
  next(current: TRuleSetting): TAlertRule | null;
};

async function findSetting(db: TTx | PrismaClient, ruleId: string, rules: TRuleCatalog): Promise<TRuleSetting | undefined> {
  return (await loadRuleSettings(db, rules)).find((s) => s.rule.id === ruleId);
}

/**
 * The one way a rule's stored override changes: version-checked (a stale form gets 409 with the current
 * setting), audited in the same transaction, and the running engine reloaded once it committed.
 */
export async function commitRuleChange(deps: TRuleChangeDeps, change: TRuleChange): Promise<TRuleSetting> {
  const changed = await inTransaction(deps.prisma, async (tx) => {
    const current = await findSetting(tx, change.ruleId, deps.rules);
    if (!current) throw notFound("No such rule");
    if (current.version !== change.version) throw conflict(STALE_RULE, current);
    const rule = change.next(current);
    if (!rule) return false;
    const definition = rule as unknown as Prisma.InputJsonValue;
    const written =
      current.version === 0
        ? // First change of a built-in rule: the insert conflicts with a concurrent first change on the primary key.
          await tx.ruleSetting.createMany({
            data: [{ id: change.ruleId, definition, version: 1, updatedById: deps.actor.id }],
            skipDuplicates: true,
          })
        : await tx.ruleSetting.updateMany({
            where: { id: change.ruleId, version: change.version },
            data: { definition, version: { increment: 1 }, updatedById: deps.actor.id, updatedAt: new Date() },
          });
    if (written.count === 0) throw conflict(STALE_RULE, await findSetting(tx, change.ruleId, deps.rules));
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: change.action,
      entityType: "rule",
      entityId: change.ruleId,
      before: { ...current.rule, version: current.version },
      after: { ...rule, version: current.version + 1 },
    });
    return true;
  });
  if (changed) await deps.reloadRules();
  const setting = await findSetting(deps.prisma, change.ruleId, deps.rules);
  if (!setting) throw notFound("No such rule");
  return setting;
}
