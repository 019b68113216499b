import type { TChangeIncidentStatusRequest, TIncident } from "@/lib/contracts/incidents";
import { recordAudit } from "@/server/audit/record-audit";
import { conflict } from "@/server/errors";
import type { TActionDeps } from "@/server/http/action-deps";
import { appendTimeline } from "./append-timeline";
import { findIncident } from "./find-incident";
import { incidentAuditView } from "./incident-view";
import { RELEASES_UNITS, refuseTransition } from "./incident-transitions";
import { inTransaction, isUuid } from "@/server/db/transaction";
import { announceRecall, recallUnits } from "@/server/dispatch/recall-units";
import { lockIncident } from "@/server/dispatch/row-locks";
import type { TUnitMotion } from "@/server/dispatch/types";
import type { TResponderUnit } from "@/lib/contracts/units";

const STALE = "This incident was changed by someone else; reload it and try again";

/** Moves an incident along INCIDENT_TRANSITIONS, version-checked, with a timeline entry and an audit row. */
export async function changeIncidentStatus(
  deps: TActionDeps & { motion?: TUnitMotion },
  incidentId: string,
  request: TChangeIncidentStatusRequest,
): Promise<TIncident> {
  let recalled: TResponderUnit[] = [];
  const after = await inTransaction(deps.prisma, async (tx) => {
    // Same lock order as dispatch and unit actions (incident, then units).
    if (isUuid(incidentId)) await lockIncident(tx, incidentId);
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
    if (RELEASES_UNITS.has(request.status)) {
      recalled = await recallUnits(tx, {
        incidentId,
        actor: deps.actor,
        ip: deps.ip,
        at: new Date(),
        reason: `incident ${request.status}${request.reason ? `: ${request.reason}` : ""}`,
      });
    }
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
  announceRecall(recalled, after, deps.publish, deps.motion);
  return after;
}
