import type { TIncidentDetail } from "@/lib/contracts/incidents";
import { recordAudit } from "@/server/audit/record-audit";
import { conflict } from "@/server/errors";
import type { TActionDeps } from "@/server/http/action-deps";
import { appendTimeline } from "./append-timeline";
import { findIncident, getIncidentDetail } from "./find-incident";
import { inTransaction } from "@/server/db/transaction";

/** A note on the incident's timeline. Closed incidents are history: no more notes. */
export async function addIncidentNote(deps: TActionDeps, incidentId: string, request: { text: string }): Promise<TIncidentDetail> {
  const detail = await inTransaction(deps.prisma, async (tx) => {
    const incident = await findIncident(tx, incidentId);
    if (incident.status === "closed") throw conflict("The incident is closed", incident);
    await appendTimeline(tx, { incidentId, kind: "note", actorId: deps.actor.id, data: { text: request.text } });
    await tx.incident.update({ where: { id: incidentId }, data: { updatedAt: new Date() } });
    await recordAudit(tx, {
      actor: deps.actor,
      ip: deps.ip,
      action: "incident.note_added",
      entityType: "incident",
      entityId: incidentId,
      after: { text: request.text },
    });
    return getIncidentDetail(tx, incidentId);
  });
  const { timeline: _timeline, alerts: _alerts, ...incident } = detail;
  deps.publish.incident(incident);
  return detail;
}
