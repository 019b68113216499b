import { ASSIGNABLE_ROLES } from "@/lib/contracts/auth";
import type { TAlert } from "@/lib/contracts/alerts";
import { invalid } from "@/server/errors";
import type { TActionDeps } from "@/server/http/action-deps";
import { changeAlert } from "./change-alert";
import { auditedAlertChange, commitAlertAction } from "./commit-alert-action";

/** Hands an unresolved alert to an active operator or supervisor. */
export async function assignAlert(deps: TActionDeps, alertId: string, request: { version: number; userId: string }): Promise<TAlert> {
  return commitAlertAction(deps, alertId, "alert.assigned", async (tx) => {
    const assignee = await tx.user.findUnique({ where: { id: request.userId }, select: { role: true, banned: true } });
    if (!assignee || assignee.banned === true || !(ASSIGNABLE_ROLES as readonly string[]).includes(assignee.role)) {
      throw invalid("Alerts can only be assigned to an active operator or supervisor", {
        userId: ["not an active operator or supervisor"],
      });
    }
    return auditedAlertChange(
      await changeAlert(
        tx,
        alertId,
        request.version,
        (alert) => (alert.status === "resolved" ? "A resolved alert cannot be assigned" : null),
        () => ({ assignedToId: request.userId }),
      ),
    );
  });
}
