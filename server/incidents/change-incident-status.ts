import type { TChangeIncidentStatusRequest, TIncident } from "@/lib/contracts/incidents";
import { recordAudit } from "@/server/audit/record-audit";
import { conflict } from "@/server/errors";
import type { TActionDeps } from "./action-deps";
import { appendTimeline } from "./append-timeline";
import { findIncident } from "./find-incident";
import { incidentAuditView } from "./incident-view";
import { refuseTransition } from "./incident-transitions";
import { inTransaction } from "./transaction";

const STALE = "This incident was changed by someone else; reload it and try again";

/** Moves an incident along INCIDENT_TRANSITIONS, version-checked, with a timeline entry and an audit row. */
export async function changeIncidentStatus(deps: TActionDeps, incidentId: string, request: TChangeIncidentStatusRequest): Promise<TIncident> {
  const after = await inTransaction(deps.prisma, async (tx) => {
    const before = await findIncident(tx, incidentId);
    if (before.version !== request.version) throw conflict(STALE, before);
    const reason = refuseTransition(before.status, request.status);
    if (reason) throw conflict(reason, before);
    const { count } = await tx.incident.updateMany({
      where: { id: incidentId, version: request.version },
      data: { status: request.status, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) throw conflict(STALE, await findIncident(tx, incidentId));
    await appendTimeline(tx, {
      incidentId,
      kind: "statusChanged",
      actorId: deps.actor.id,
      data: { from: before.status, to: request.status, ...(request.reason ? { reason: request.reason } : {}) },
    });
    const changed = await findIncident(tx, incidentId);
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "incident.status_changed",
      entityType: "incident",
      entityId: incidentId,
      before: incidentAuditView(before),
      after: { ...incidentAuditView(changed), ...(request.reason ? { reason: request.reason } : {}) },
    });
    return changed;
  });
  deps.publish.incident(after);
  return after;
}
