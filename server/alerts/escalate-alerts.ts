import type { TAlert } from "@/lib/contracts/alerts";
import { recordAudit } from "@/server/audit/record-audit";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import { findAlertRow } from "./change-alert";
import { toAlert } from "./alert-view";
import { inTransaction } from "@/server/db/transaction";

/**
 * Flags critical alerts nobody acknowledged within `escalationSeconds` of their start: the control room
 * shows them louder and a supervisor looks. A system action (no actor), audited like any other change.
 * Escalation does not bump `version`: it does not conflict with an acknowledgement in flight.
 * A silenced alert never escalates (a maintenance window is exactly when nobody should be paged).
 */
export async function escalateAlerts(prisma: PrismaClient, options: { now: Date; escalationSeconds: number }): Promise<TAlert[]> {
  const due = await prisma.alert.findMany({
    where: {
      status: "open",
      severity: "critical",
      escalated: false,
      silencedBy: { equals: Prisma.DbNull },
      firstSeenAt: { lte: new Date(options.now.getTime() - options.escalationSeconds * 1000) },
    },
    select: { id: true },
  });
  const escalated: TAlert[] = [];
  for (const { id } of due) {
    const alert = await inTransaction(prisma, async (tx) => {
      const { count } = await tx.alert.updateMany({
        where: { id, status: "open", escalated: false, silencedBy: { equals: Prisma.DbNull } },
        data: { escalated: true },
      });
      if (count === 0) return null; // acknowledged or silenced meanwhile
      await recordAudit(tx, {
        actor: null,
        action: "alert.escalated",
        entityType: "alert",
        entityId: id,
        before: { escalated: false },
        after: { escalated: true, escalationSeconds: options.escalationSeconds },
      });
      return toAlert(await findAlertRow(tx, id));
    });
    if (alert) escalated.push(alert);
  }
  return escalated;
}
