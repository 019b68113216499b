import type { TAuditAction } from "@/lib/contracts/audit-actions";
import type { TAlert } from "@/lib/contracts/alerts";
import { recordAudit } from "@/server/audit/record-audit";
import type { TActionDeps } from "@/server/http/action-deps";
import { alertAuditView } from "./alert-view";
import { inTransaction, type TTx } from "@/server/db/transaction";

/** What an action did to one alert: the alert as it now is, and what its audit row says before and after. */
type TAlertActionOutcome = { alert: TAlert; auditBefore?: unknown; auditAfter: unknown };

/**
 * How every action on one alert ends: its audit row commits in the same transaction as the change, and
 * only once that has committed does the alert go out to the screens (a rolled-back change is never announced).
 */
export async function commitAlertAction(
  deps: TActionDeps,
  alertId: string,
  action: TAuditAction,
  change: (tx: TTx) => Promise<TAlertActionOutcome>,
): Promise<TAlert> {
  const alert = await inTransaction(deps.prisma, async (tx) => {
    const outcome = await change(tx);
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action,
      entityType: "alert",
      entityId: alertId,
      before: outcome.auditBefore,
      after: outcome.auditAfter,
    });
    return outcome.alert;
  });
  deps.publish.alert(alert);
  return alert;
}

/** The outcome of a changeAlert step: audited as the alert was and as it is. */
export const auditedAlertChange = (change: { before: TAlert; after: TAlert }): TAlertActionOutcome => ({
  alert: change.after,
  auditBefore: alertAuditView(change.before),
  auditAfter: alertAuditView(change.after),
});
