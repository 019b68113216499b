import type { TAlert } from "@/lib/contracts/alerts";
import { nowOf, type TActionDeps } from "@/server/http/action-deps";
import { changeAlert } from "./change-alert";
import { auditedAlertChange, commitAlertAction } from "./commit-alert-action";

/** open → acknowledged: someone in the control room owns it now (which also stops escalation). */
export async function acknowledgeAlert(deps: TActionDeps, alertId: string, request: { version: number }): Promise<TAlert> {
  const at = nowOf(deps);
  return commitAlertAction(deps, alertId, "alert.acknowledged", async (tx) =>
    auditedAlertChange(
      await changeAlert(
        tx,
        alertId,
        request.version,
        (alert) => (alert.status === "open" ? null : `The alert is already ${alert.status}`),
        () => ({ status: "acknowledged", acknowledgedById: deps.actor.id, acknowledgedAt: at }),
      ),
    ),
  );
}
