import { ASSIGNABLE_ROLES } from "@/lib/contracts/auth";
import type { TAlert } from "@/lib/contracts/incidents";
import { recordAudit } from "@/server/audit/record-audit";
import { invalid } from "@/server/errors";
import type { TActionDeps } from "./action-deps";
import { alertAuditView } from "./alert-view";
import { changeAlert } from "./change-alert";
import { inTransaction } from "./transaction";


/** Hands an unresolved alert to an active operator or supervisor. */
export async function assignAlert(deps: TActionDeps, alertId: string, request: { version: number; userId: string }): Promise<TAlert> {
  const { after } = await inTransaction(deps.prisma, async (tx) => {
    const assignee = await tx.user.findUnique({ where: { id: request.userId }, select: { role: true, banned: true } });
    if (!assignee || assignee.banned === true || !(ASSIGNABLE_ROLES as readonly string[]).includes(assignee.role)) {
      throw invalid("Alerts can only be assigned to an active operator or supervisor", { userId: ["not an active operator or supervisor"] });
    }
    const change = await changeAlert(
      tx,
      alertId,
      request.version,
      (alert) => (alert.status === "resolved" ? "A resolved alert cannot be assigned" : null),
      () => ({ assignedToId: request.userId }),
    );
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "alert.assigned",
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
