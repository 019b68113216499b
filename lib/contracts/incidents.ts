import { z } from "zod";
import { ZLayer } from "./layers";
import { ZAlertSeverity } from "./alerts";

/**
 * Alerts (raised by the rules engine) and incidents (what the control room works on),
 * as the REST API and the socket deliver them. Every state-changing request carries the
 * `version` the client last saw: a stale version gets 409 with the current state.
 */
const ZLonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export const ZAlertStatus = z.enum(ALERT_STATUSES);

export const ZAlertNote = z.object({ id: z.string(), at: z.iso.datetime(), author: ZPerson, text: z.string() });

export const ZAlert = z.object({
  id: z.string(),
  /** Derived from the events that opened it: replays cannot create a second alert. */
  dedupKey: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  domain: ZLayer,
  entityId: z.string(),
  severity: ZAlertSeverity,
  status: ZAlertStatus,
  /** Unacknowledged critical alert past the escalation time. */
  escalated: z.boolean(),
  message: z.string(),
  value: z.union([z.number(), z.string()]),
  worstValue: z.union([z.number(), z.string()]),
  count: z.number().int(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** The condition is no longer present (the alert stays until an operator resolves it). */
  conditionClearedAt: z.iso.datetime().nullable(),
  location: ZLonLat,
  zone: z.string(),
  acknowledgedBy: ZPerson.nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  assignedTo: ZPerson.nullable(),
  incidentId: z.string().nullable(),
  correlationGroup: z.string().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolution: z.string().nullable(),
  notes: z.array(ZAlertNote),
  version: z.number().int(),
});
export type TAlert = z.infer<typeof ZAlert>;

export const ZAlertListQuery = z.object({
  status: z.string().optional(), // comma-separated ZAlertStatus values; default open,acknowledged
  domain: ZLayer.optional(),
  severity: ZAlertSeverity.optional(),
  zone: z.string().max(64).optional(),
});

export const ZVersioned = z.object({ version: z.number().int().min(0) });
export const ZAcknowledgeAlertRequest = ZVersioned;
export const ZAddNoteRequest = z.object({ text: z.string().trim().min(1).max(4000) });
export const ZAssignAlertRequest = ZVersioned.extend({ userId: z.string().min(1) });
export const ZResolveAlertRequest = ZVersioned.extend({ reason: z.string().trim().min(1).max(1000) });

export const INCIDENT_STATUSES = ["new", "acknowledged", "dispatched", "onScene", "resolved", "closed"] as const;
export const ZIncidentStatus = z.enum(INCIDENT_STATUSES);
export const INCIDENT_PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export const ZIncidentPriority = z.enum(INCIDENT_PRIORITIES);
export const INCIDENT_TYPES = [
  "fire", "medical", "trafficCollision", "trafficJam", "hazard", "wasteFire", "illegalDumping",
  "powerOutage", "gridOverload", "parkingViolation", "publicDisturbance", "other",
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

export const TIMELINE_KINDS = [
  "created", "alertLinked", "note", "statusChanged", "priorityChanged",
  /** { unitId, callSign, etaSeconds, distanceM } */
  "unitDispatched",
  /** { unitId, callSign, from, to, action } — a unit's status change or crew report on this incident */
  "unitStatusChanged",
  /** { unitId, callSign, text? } */
  "backupRequested",
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
export type TAlertListQuery = z.infer<typeof ZAlertListQuery>;
export type TIncidentListQuery = z.infer<typeof ZIncidentListQuery>;

/** POST /api/alerts/[id]/promote: 201 with a new incident, 200 when attached to an existing one. */
export const ZPromoteAlertResponse = z.object({ alert: ZAlert, incident: ZIncident });
export type TPromoteAlertResponse = z.infer<typeof ZPromoteAlertResponse>;

/** 409 body: what went wrong and the state that won. */
export const ZConflictResponse = z.object({ error: z.string(), current: z.unknown() });
