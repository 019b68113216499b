import type { TAlert } from "@/lib/contracts/incidents";
import { recordAudit } from "@/server/audit/record-audit";
import { nowOf, type TActionDeps } from "./action-deps";
import { alertAuditView } from "./alert-view";
import { changeAlert } from "./change-alert";
import { inTransaction } from "./transaction";

/** open → acknowledged: someone in the control room owns it now (which also stops escalation). */
export async function acknowledgeAlert(deps: TActionDeps, alertId: string, request: { version: number }): Promise<TAlert> {
  const at = nowOf(deps);
  const { after } = await inTransaction(deps.prisma, async (tx) => {
    const change = await changeAlert(
      tx,
      alertId,
      request.version,
      (alert) => (alert.status === "open" ? null : `The alert is already ${alert.status}`),
      () => ({ status: "acknowledged", acknowledgedById: deps.actor.id, acknowledgedAt: at }),
    );
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "alert.acknowledged",
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
