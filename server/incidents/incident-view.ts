import type { TIncident, TIncidentDetail, TTimelineEntry } from "@/lib/contracts/incidents";
import type { Prisma } from "@/server/db/generated/client";
import { ALERT_INCLUDE, toAlert } from "@/server/alerts/alert-view";

const PERSON = { select: { id: true, name: true } } as const;

export const INCIDENT_INCLUDE = {
  createdBy: PERSON,
  alerts: { select: { id: true }, orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.IncidentInclude;

export const INCIDENT_DETAIL_INCLUDE = {
  createdBy: PERSON,
  alerts: { include: ALERT_INCLUDE, orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }] },
  // When it happened (a crew report queued offline carries its tap time), then the order it was written.
  events: { include: { actor: PERSON }, orderBy: [{ at: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.IncidentInclude;

type TIncidentRow = Prisma.IncidentGetPayload<{ include: typeof INCIDENT_INCLUDE }>;
type TIncidentDetailRow = Prisma.IncidentGetPayload<{ include: typeof INCIDENT_DETAIL_INCLUDE }>;

export function toIncident(row: TIncidentRow | TIncidentDetailRow): TIncident {
  return {
    id: row.id,
    number: row.number,
    type: row.type as TIncident["type"],
    priority: row.priority,
    status: row.status as TIncident["status"],
    location: [row.lon, row.lat],
    zone: row.zone,
    address: row.address,
    description: row.description,
    alertIds: row.alerts.map((a) => a.id),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function toIncidentDetail(row: TIncidentDetailRow): TIncidentDetail {
  return {
    ...toIncident(row),
    alerts: row.alerts.map(toAlert),
    timeline: row.events.map(
      (e): TTimelineEntry => ({
        id: e.id.toString(),
        at: e.at.toISOString(),
        kind: e.kind as TTimelineEntry["kind"],
        actor: e.actor,
        data: (e.data ?? {}) as Record<string, unknown>,
      }),
    ),
  };
}

export function incidentAuditView(incident: TIncident) {
  const { number, type, priority, status, zone, alertIds, version } = incident;
  return { number, type, priority, status, zone, alertIds, version };
}
