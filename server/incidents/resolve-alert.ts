import type { TAlert } from "@/lib/contracts/incidents";
import { recordAudit } from "@/server/audit/record-audit";
import { nowOf, type TActionDeps } from "./action-deps";
import { alertAuditView } from "./alert-view";
import { changeAlert } from "./change-alert";
import { inTransaction } from "./transaction";

/** open / acknowledged → resolved, with the reason on record. The alert leaves the queue. */
export async function resolveAlert(deps: TActionDeps, alertId: string, request: { version: number; reason: string }): Promise<TAlert> {
  const at = nowOf(deps);
  const { after } = await inTransaction(deps.prisma, async (tx) => {
    const change = await changeAlert(
      tx,
      alertId,
      request.version,
      (alert) => (alert.status === "resolved" ? "The alert is already resolved" : null),
      () => ({ status: "resolved", resolvedAt: at, resolution: request.reason }),
    );
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "alert.resolved",
      entityType: "alert",
      entityId: alertId,
      before: alertAuditView(change.before),
      after: alertAuditView(change.after),
    });
    return change;
  });
  deps.publish.alert(after);
  return after;
}
