import type { TSilence } from "@/lib/contracts/silences";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import { Prisma } from "@/server/db/generated/client";
import type { TTx } from "@/server/db/transaction";
import { isInForce } from "./silence-matches";
import { silenceFor } from "./silence-view";

/**
 * Marks the unresolved, not yet silenced alerts a new silence covers at `now`, each with an `alert.silenced`
 * audit row on its timeline; returns their ids (the caller pushes them once committed). Like escalation it
 * does not bump `version`: it must not make an operator's acknowledgement in flight fail.
 */
export async function silenceOpenAlerts(tx: TTx, silence: TSilence, actor: TAuditActor, now: Date): Promise<string[]> {
  if (!isInForce(silence, now)) return [];
  const { ruleId, entityId, domain, zone } = silence.matchers;
  const candidates = await tx.alert.findMany({
    where: { status: { not: "resolved" }, silencedBy: { equals: Prisma.DbNull }, ruleId, entityId, domain, zone },
    select: { id: true, ruleId: true, entityId: true, domain: true, zone: true },
  });
  const silenced: string[] = [];
  for (const alert of candidates) {
    const silencedBy = silenceFor([silence], alert, now);
    if (!silencedBy) continue;
    const { count } = await tx.alert.updateMany({
      where: { id: alert.id, silencedBy: { equals: Prisma.DbNull } },
      data: { silencedBy },
    });
    if (count === 0) continue;
    await recordAudit(tx, {
      actor,
      action: "alert.silenced",
      entityType: "alert",
      entityId: alert.id,
      before: { silenced: null },
      after: { silenced: silencedBy },
    });
    silenced.push(alert.id);
  }
  return silenced;
}
