import type { TAlert } from "@/lib/contracts/alerts";
import { nowOf, type TActionDeps } from "@/server/http/action-deps";
import { changeAlert } from "./change-alert";
import { auditedAlertChange, commitAlertAction } from "./commit-alert-action";

/** open / acknowledged → resolved, with the reason on record. The alert leaves the queue. */
export async function resolveAlert(deps: TActionDeps, alertId: string, request: { version: number; reason: string }): Promise<TAlert> {
  const at = nowOf(deps);
  return commitAlertAction(deps, alertId, "alert.resolved", async (tx) =>
    auditedAlertChange(
      await changeAlert(
        tx,
        alertId,
        request.version,
        (alert) => (alert.status === "resolved" ? "The alert is already resolved" : null),
        () => ({ status: "resolved", resolvedAt: at, resolution: request.reason }),
      ),
    ),
  );
}
