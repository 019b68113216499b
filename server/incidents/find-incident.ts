import type { TIncident, TIncidentDetail } from "@/lib/contracts/incidents";
import { notFound } from "@/server/errors";
import { INCIDENT_DETAIL_INCLUDE, INCIDENT_INCLUDE, toIncident, toIncidentDetail } from "./incident-view";
import { isUuid, type TTx } from "@/server/db/transaction";

export async function findIncident(db: TTx, incidentId: string): Promise<TIncident> {
  const row = isUuid(incidentId) ? await db.incident.findUnique({ where: { id: incidentId }, include: INCIDENT_INCLUDE }) : null;
  if (!row) throw notFound("No such incident");
  return toIncident(row);
}

/** ZIncidentDetail: the incident with its timeline (oldest first) and linked alerts. */
export async function getIncidentDetail(db: TTx, incidentId: string): Promise<TIncidentDetail> {
  const row = isUuid(incidentId) ? await db.incident.findUnique({ where: { id: incidentId }, include: INCIDENT_DETAIL_INCLUDE }) : null;
  if (!row) throw notFound("No such incident");
  return toIncidentDetail(row);
}
