import { z } from "zod";
import { ZAlert } from "./alerts";
import { ZVersioned } from "./requests";

/**
 * Incidents (what the control room works on, alone or promoted from alerts), as the REST API and the
 * socket deliver them. Every state-changing request carries the `version` the client last saw: a stale
 * version gets 409 with the current state.
 */
const ZLonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ZPerson = z.object({ id: z.string(), name: z.string() });

export const INCIDENT_STATUSES = ["new", "acknowledged", "dispatched", "onScene", "resolved", "closed"] as const;
export const ZIncidentStatus = z.enum(INCIDENT_STATUSES);
export const INCIDENT_PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export const ZIncidentPriority = z.enum(INCIDENT_PRIORITIES);
export const INCIDENT_TYPES = [
  "fire",
  "medical",
  "trafficCollision",
  "trafficJam",
  "hazard",
  "wasteFire",
  "illegalDumping",
  "powerOutage",
  "gridOverload",
  "parkingViolation",
  "publicDisturbance",
  "other",
] as const;
export const ZIncidentType = z.enum(INCIDENT_TYPES);

export const ZIncident = z.object({
  id: z.string(),
  /** Human-readable, e.g. INC-2026-000042. */
  number: z.string(),
  type: ZIncidentType,
  priority: ZIncidentPriority,
  status: ZIncidentStatus,
  location: ZLonLat,
  zone: z.string(),
  address: z.string().nullable(),
  description: z.string(),
  alertIds: z.array(z.string()),
  createdBy: ZPerson.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type TIncident = z.infer<typeof ZIncident>;
/** GET /api/incidents */
export const ZIncidentList = z.array(ZIncident);

const TIMELINE_KINDS = [
  "created",
  "alertLinked",
  "note",
  "statusChanged",
  "priorityChanged",
  /** { unitId, callSign, etaSeconds, distanceM } */
  "unitDispatched",
  /** { unitId, callSign, from, to, action } — a unit's status change or crew report on this incident */
  "unitStatusChanged",
  /** { unitId, callSign, text? } */
  "backupRequested",
  /** { unitId, callSign } — an operator acknowledged the crew's backup request */
  "backupAcknowledged",
  /** { unitId, callSign, dispatchId, ackWithinSeconds } — the crew did not acknowledge the assignment in the run card's time */
  "crewAckOverdue",
] as const;
export const ZTimelineEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  kind: z.enum(TIMELINE_KINDS),
  actor: ZPerson.nullable(),
  /** Kind-specific details, e.g. { from, to } for statusChanged, { alertId } for alertLinked, { text, unitId? } for note. */
  data: z.record(z.string(), z.unknown()),
});
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;

export const ZIncidentDetail = ZIncident.extend({ timeline: z.array(ZTimelineEntry), alerts: z.array(ZAlert) });
export type TIncidentDetail = z.infer<typeof ZIncidentDetail>;

export const ZIncidentListQuery = z.object({
  status: z.string().optional(), // comma-separated ZIncidentStatus values; default: all but closed
});

export const ZCreateIncidentRequest = z.object({
  type: ZIncidentType,
  priority: ZIncidentPriority,
  location: ZLonLat,
  address: z.string().trim().max(200).optional(),
  description: z.string().trim().min(1).max(4000),
});
export type TCreateIncidentRequest = z.infer<typeof ZCreateIncidentRequest>;

/** Promote an alert: into a new incident, or attach it to an existing one. */
export const ZPromoteAlertRequest = ZVersioned.extend({
  incidentId: z.string().optional(),
  incident: ZCreateIncidentRequest.omit({ location: true }).partial({ description: true }).optional(),
}).refine((r) => (r.incidentId ? !r.incident : true), { message: "either incidentId or incident, not both" });

export const ZChangeIncidentStatusRequest = ZVersioned.extend({
  status: ZIncidentStatus,
  reason: z.string().trim().max(1000).optional(),
});
export type TChangeIncidentStatusRequest = z.infer<typeof ZChangeIncidentStatusRequest>;
export type TPromoteAlertRequest = z.infer<typeof ZPromoteAlertRequest>;
export type TIncidentListQuery = z.infer<typeof ZIncidentListQuery>;

/** POST /api/alerts/[id]/promote: 201 with a new incident, 200 when attached to an existing one. */
export const ZPromoteAlertResponse = z.object({ alert: ZAlert, incident: ZIncident });
