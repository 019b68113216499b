import type { TAlert } from "@/lib/contracts/alerts";
import { findUnit } from "@/server/dispatch/find-unit";
import { nowOf, type TActionDeps } from "@/server/http/action-deps";
import { findIncident } from "@/server/incidents/find-incident";
import { answerBackupRequest } from "./backup-alert";
import { changeAlert } from "./change-alert";
import { auditedAlertChange, commitAlertAction } from "./commit-alert-action";

/**
 * open → acknowledged: someone in the control room owns it now (which also stops escalation). For a crew's
 * backup alert that is the answer to the crew: their flag clears and the incident's timeline says so.
 */
export async function acknowledgeAlert(deps: TActionDeps, alertId: string, request: { version: number }): Promise<TAlert> {
  const at = nowOf(deps);
  let answeredUnitId: string | null = null;
  const alert = await commitAlertAction(deps, alertId, "alert.acknowledged", async (tx) => {
    const change = await changeAlert(
      tx,
      alertId,
      request.version,
      (alert) => (alert.status === "open" ? null : `The alert is already ${alert.status}`),
      () => ({ status: "acknowledged", acknowledgedById: deps.actor.id, acknowledgedAt: at }),
    );
    answeredUnitId = await answerBackupRequest(tx, change.after, deps.actor, at);
    return auditedAlertChange(change);
  });
  if (answeredUnitId && alert.incidentId) {
    const unit = await findUnit(deps.prisma, answeredUnitId);
    deps.publish.unit(unit);
    const incident = await findIncident(deps.prisma, alert.incidentId);
    deps.publish.incident(incident);
    deps.publish.assignment(
      unit.crew.map((member) => member.id),
      {
        unitId: unit.id,
        incidentId: incident.id,
        reason: "backupAcknowledged",
        message: `The control room has seen your backup request on ${incident.number}.`,
      },
    );
  }
  return alert;
}
