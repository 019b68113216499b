import type { TAlert } from "@/lib/contracts/alerts";
import { ALERT_INCLUDE, toAlert } from "@/server/alerts/alert-view";
import { recordConditionCleared } from "@/server/alerts/record-condition-cleared";
import type { TTx } from "@/server/db/transaction";

const RESOLUTION = "Crew acknowledged (auto-resolved)";

/**
 * The crew of an assignment answered after its "crew has not acknowledged" alert was raised (escalate-unacknowledged.ts):
 * the alert's condition clears, in the caller's transaction. Resolved if nobody has taken it on yet; an operator who
 * has keeps it, marked "condition cleared", to close. Returns the alert to publish once that commits (null: none).
 */
export async function clearCrewAckAlert(tx: TTx, dispatchId: string, at: Date, now: Date): Promise<TAlert | null> {
  const marker = await tx.crewAckEscalation.findUnique({ where: { dispatchId }, select: { alertId: true } });
  if (!marker) return null;
  const before = await tx.alert.findUnique({ where: { id: marker.alertId } });
  if (!before || before.status === "resolved" || before.conditionClearedAt) return null;
  const resolve = before.status === "open";
  const row = await tx.alert.update({
    where: { id: before.id },
    data: {
      conditionClearedAt: at,
      ...(resolve ? { status: "resolved", resolvedAt: now, resolution: RESOLUTION, version: { increment: 1 } } : {}),
    },
    include: ALERT_INCLUDE,
  });
  await recordConditionCleared(tx, {
    alertId: row.id,
    statusBefore: before.status,
    isResolved: resolve,
    clearedAt: at,
    message: "The crew acknowledged",
  });
  return toAlert(row);
}
