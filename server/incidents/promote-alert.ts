import type { TAlert } from "@/lib/contracts/alerts";
import type { TIncident, TPromoteAlertRequest } from "@/lib/contracts/incidents";
import { recordAudit } from "@/server/audit/record-audit";
import { conflict } from "@/server/errors";
import { nowOf, type TActionDeps } from "@/server/http/action-deps";
import { alertAuditView, toAlert } from "@/server/alerts/alert-view";
import { appendTimeline } from "./append-timeline";
import { changeAlert, findAlertRow } from "@/server/alerts/change-alert";
import { insertIncident } from "./create-incident";
import { incidentTypeFor, PRIORITY_BY_SEVERITY } from "./incident-defaults";
import { findIncident } from "./find-incident";
import { incidentAuditView } from "./incident-view";
import { isIncidentActive } from "./incident-transitions";
import { inTransaction } from "@/server/db/transaction";
import type { TDomainRegistry } from "@/server/domains/domain-registry";

type TPromoteResult = { alert: TAlert; incident: TIncident; created: boolean };

/**
 * Turns an alert into work: a new incident at the alert's place (type and priority from the rule unless
 * given), or an existing active incident it belongs to. The alert is linked (and acknowledged if it was
 * still open); the incident's timeline gets `created` and/or `alertLinked`, all in one transaction.
 * It ends by hand rather than through commitAlertAction: it audits two entities (alert.promoted, then
 * incident.alert_linked, in that order) and pushes both the alert and the incident.
 */
export async function promoteAlert(
  deps: TActionDeps & { domains: TDomainRegistry },
  alertId: string,
  request: TPromoteAlertRequest,
): Promise<TPromoteResult> {
  const at = nowOf(deps);
  const result = await inTransaction(deps.prisma, async (tx) => {
    const current = toAlert(await findAlertRow(tx, alertId));
    // Refuse before creating an incident that would only be rolled back; changeAlert re-checks under the version guard.
    if (current.version !== request.version) throw conflict(STALE, current);
    const refused = refusePromotion(current);
    if (refused) throw conflict(refused, current);
    let incident: TIncident;
    let created = false;
    if (request.incidentId) {
      incident = await findIncident(tx, request.incidentId);
      if (!isIncidentActive(incident.status))
        throw conflict(`Incident ${incident.number} is ${incident.status}; alerts cannot be added to it`, incident);
    } else {
      incident = await insertIncident(
        tx,
        deps,
        {
          type: request.incident?.type ?? incidentTypeFor(current, deps.domains),
          priority: request.incident?.priority ?? PRIORITY_BY_SEVERITY[current.severity],
          location: current.location,
          address: request.incident?.address,
          description: request.incident?.description ?? `${current.ruleName}: ${current.message}`,
        },
        { source: "alert", alertId },
      );
      created = true;
    }

    const change = await changeAlert(tx, alertId, request.version, refusePromotion, (alert) => ({
      incidentId: incident.id,
      ...(alert.status === "open" ? { status: "acknowledged", acknowledgedById: deps.actor.id, acknowledgedAt: at } : {}),
    }));
    if (!created) await tx.incident.update({ where: { id: incident.id }, data: { version: { increment: 1 } } });
    await appendTimeline(tx, {
      incidentId: incident.id,
      kind: "alertLinked",
      actorId: deps.actor.id,
      data: { alertId, ruleId: current.ruleId, ruleName: current.ruleName, severity: current.severity, message: current.message },
    });
    const linked = await findIncident(tx, incident.id);
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "alert.promoted",
      entityType: "alert",
      entityId: alertId,
      before: alertAuditView(change.before),
      after: alertAuditView(change.after),
    });
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "incident.alert_linked",
      entityType: "incident",
      entityId: incident.id,
      before: created ? undefined : incidentAuditView(incident),
      after: incidentAuditView(linked),
    });
    return { alert: change.after, incident: linked, created };
  });
  deps.publish.alert(result.alert);
  deps.publish.incident(result.incident);
  return result;
}

const STALE = "This alert was changed by someone else; reload it and try again";

function refusePromotion(alert: TAlert): string | null {
  if (alert.status === "resolved") return "A resolved alert cannot be promoted";
  if (alert.incidentId) return "The alert already belongs to an incident";
  return null;
}
