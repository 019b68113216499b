import type { z } from "zod";
import { ZRuleDefinition, type TRuleSetting, type TUpdateRuleRequest } from "@/lib/contracts/rules";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { conflict, invalid, notFound } from "@/server/errors";
import { inTransaction } from "@/server/db/transaction";
import { loadRuleSettings } from "./load-rules";

export type TUpdateRuleDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
  /** Reloads the rules into the running engine (no restart). */
  reloadRules: () => Promise<void>;
};

export const STALE_RULE = "This rule was changed by someone else; reload it and try again";

/**
 * Zod issues keyed by the field the form shows: a param's issue ("params.clearBelow") under "clearBelow",
 * so its message sits beside that input rather than under the whole card.
 */
export function ruleFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String((issue.path[0] === "params" && issue.path.length > 1 ? issue.path[1] : issue.path[0]) ?? "rule");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * A supervisor tunes a rule (severity, sustain times, params, on/off). The merged rule must pass the
 * same ZRuleDefinition the engine trusts; the row is version-checked, audited in the same transaction,
 * and the running engine picks it up at once.
 */
export async function updateRule(deps: TUpdateRuleDeps, ruleId: string, request: TUpdateRuleRequest): Promise<TRuleSetting> {
  await inTransaction(deps.prisma, async (tx) => {
    const current = (await loadRuleSettings(tx)).find((s) => s.rule.id === ruleId);
    if (!current) throw notFound("No such rule");
    if (current.version !== request.version) throw conflict(STALE_RULE, current);
    const { version: _version, ...changes } = request;
    const parsed = ZRuleDefinition.safeParse({ ...current.rule, ...changes, params: changes.params ?? current.rule.params });
    if (!parsed.success) throw invalid("Some values need changing; see the messages beside them", ruleFieldErrors(parsed.error));
    const definition = parsed.data as unknown as Prisma.InputJsonValue;
    if (current.version === 0) {
      // First change of a built-in rule: the insert conflicts with a concurrent first change on the primary key.
      const inserted = await tx.ruleSetting.createMany({
        data: [{ id: ruleId, definition, version: 1, updatedById: deps.actor.id }],
        skipDuplicates: true,
      });
      if (inserted.count === 0)
        throw conflict(
          STALE_RULE,
          (await loadRuleSettings(tx)).find((s) => s.rule.id === ruleId),
        );
    } else {
      const { count } = await tx.ruleSetting.updateMany({
        where: { id: ruleId, version: request.version },
        data: { definition, version: { increment: 1 }, updatedById: deps.actor.id, updatedAt: new Date() },
      });
      if (count === 0)
        throw conflict(
          STALE_RULE,
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
