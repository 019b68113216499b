import { z } from "zod";
import { ZRuleDefinition, type TRuleSetting, type TUpdateRuleRequest } from "@/lib/contracts/rules";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { conflict, invalid, notFound } from "@/server/errors";
import { inTransaction } from "@/server/db/transaction";
import { loadRuleSettings } from "./load-rules";

type TUpdateRuleDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
  /** Reloads the rules into the running engine (no restart). */
  reloadRules: () => Promise<void>;
};

const STALE = "This rule was changed by someone else; reload it and try again";

/**
 * A supervisor tunes a rule (severity, sustain times, params, on/off). The merged rule must pass the
 * same ZRuleDefinition the engine trusts; the row is version-checked, audited in the same transaction,
 * and the running engine picks it up at once.
 */
export async function updateRule(deps: TUpdateRuleDeps, ruleId: string, request: TUpdateRuleRequest): Promise<TRuleSetting> {
  await inTransaction(deps.prisma, async (tx) => {
    const current = (await loadRuleSettings(tx)).find((s) => s.rule.id === ruleId);
    if (!current) throw notFound("No such rule");
    if (current.version !== request.version) throw conflict(STALE, current);
    const { version: _version, ...changes } = request;
    const parsed = ZRuleDefinition.safeParse({ ...current.rule, ...changes, params: changes.params ?? current.rule.params });
    if (!parsed.success) {
      throw invalid("Invalid rule", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    }
    const definition = parsed.data as unknown as Prisma.InputJsonValue;
    if (current.version === 0) {
      // First change of a built-in rule: the insert conflicts with a concurrent first change on the primary key.
      const inserted = await tx.ruleSetting.createMany({
        data: [{ id: ruleId, definition, version: 1, updatedById: deps.actor.id }],
        skipDuplicates: true,
      });
      if (inserted.count === 0)
        throw conflict(
          STALE,
          (await loadRuleSettings(tx)).find((s) => s.rule.id === ruleId),
        );
    } else {
      const { count } = await tx.ruleSetting.updateMany({
        where: { id: ruleId, version: request.version },
        data: { definition, version: { increment: 1 }, updatedById: deps.actor.id, updatedAt: new Date() },
      });
      if (count === 0)
        throw conflict(
          STALE,
          (await loadRuleSettings(tx)).find((s) => s.rule.id === ruleId),
        );
    }
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "rule.updated",
      entityType: "rule",
      entityId: ruleId,
      before: { ...current.rule, version: current.version },
      after: { ...parsed.data, version: current.version + 1 },
    });
  });
  await deps.reloadRules();
  const updated = (await loadRuleSettings(deps.prisma)).find((s) => s.rule.id === ruleId);
  if (!updated) throw notFound("No such rule");
  return updated;
}
