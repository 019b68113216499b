import { z } from "zod";
import { ZUnitStatus, ZUnitType, type TUnitStatus, type TUnitType } from "./events";
import { ZIncident, ZIncidentType } from "./incidents";

/**
 * Responder units, dispatch and the field crew's view, as the REST API and the socket deliver them.
 * Units live in PostgreSQL (seeded from the city pack); positions arrive as UnitPosition events,
 * status changes come from the control room (dispatch) or the crew (/field).
 */
const ZLonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ZPerson = z.object({ id: z.string(), name: z.string() });
export type { TUnitStatus };

/** What a unit carries beyond its type; run cards and operators use them to pick units. */
export const UNIT_CAPABILITIES = [
  "ladder",
  "rescue",
  "hazmat",
  "als",
  "bls",
  "k9",
  "traffic",
  "tow",
  "hv-electrical",
  "gas",
  "compactor",
] as const;
const ZUnitCapability = z.enum(UNIT_CAPABILITIES);

export const ZResponderUnit = z.object({
  /** Stable id from the city pack (or an admin's choice), e.g. "E-1"; positions are keyed by it. */
  id: z.string(),
  callSign: z.string(),
  type: ZUnitType,
  stationId: z.string(),
  capabilities: z.array(ZUnitCapability),
  /** Field users who crew this unit (they see its assignment on /field). */
  crew: z.array(ZPerson),
  status: ZUnitStatus,
  statusSince: z.iso.datetime(),
  /** The crew's last status change, note or check-in; the check-in timer counts from here while on scene. */
  lastContactAt: z.iso.datetime(),
  /** The incident the unit is assigned to (dispatched, en route, on scene), else null. */
  incidentId: z.string().nullable(),
  /** The crew asked for backup on the current assignment and no one has answered it yet. */
  needsBackup: z.boolean(),
  outOfServiceReason: z.string().nullable(),
  version: z.number().int(),
});
export type TResponderUnit = z.infer<typeof ZResponderUnit>;

/** GET /api/units: all units, and the check-in threshold the board flags against. */
export const ZUnitList = z.object({ units: z.array(ZResponderUnit), checkInSeconds: z.number().int().positive() });
export type TUnitList = z.infer<typeof ZUnitList>;

/** A unit on scene with no contact for longer than the threshold is flagged to the operator. */
export function isCheckInOverdue(unit: Pick<TResponderUnit, "status" | "lastContactAt">, nowMs: number, checkInSeconds: number): boolean {
  return unit.status === "onScene" && nowMs - Date.parse(unit.lastContactAt) > checkInSeconds * 1000;
}

// ── Management (admins and supervisors) ─────────────────────────────────────────────────────────────

export const ZCreateUnitRequest = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,32}$/, "letters, digits and dashes"),
  callSign: z.string().trim().min(1).max(32),
  type: ZUnitType,
  stationId: z.string().min(1).max(64),
  capabilities: z.array(ZUnitCapability).max(UNIT_CAPABILITIES.length).default([]),
  crewUserIds: z.array(z.string()).max(12).default([]),
});
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;

export const ZUpdateUnitRequest = z.object({
  version: z.number().int().min(0),
  callSign: z.string().trim().min(1).max(32).optional(),
  stationId: z.string().min(1).max(64).optional(),
  capabilities: z.array(ZUnitCapability).max(UNIT_CAPABILITIES.length).optional(),
  crewUserIds: z.array(z.string()).max(12).optional(),
});
export type TUpdateUnitRequest = z.infer<typeof ZUpdateUnitRequest>;

// ── Status flow ─────────────────────────────────────────────────────────────────────────────────────

/**
 * What a crew (or an operator on its behalf) reports. `acknowledge`, `needBackup`, `checkIn` and `note`
 * do not change the unit's status; the others move it (server/dispatch/unit-transitions.ts).
 */
export const UNIT_ACTIONS = [
  "acknowledge",
  "enRoute",
  "onScene",
  "needBackup",
  "checkIn",
  "cleared",
  "available",
  "outOfService",
  "note",
] as const;
export const ZUnitAction = z.enum(UNIT_ACTIONS);
export type TUnitAction = z.infer<typeof ZUnitAction>;

/**
 * POST /api/units/[id]/actions. `idempotencyKey` makes a retried request (a phone's queued action sent
 * again after a lost response) take effect once: the server answers a repeat with the first answer.
 * `at` is when the crew tapped it (queued offline it can be minutes earlier than the request).
 */
export const ZUnitActionRequest = z.object({
  idempotencyKey: z.uuid(),
  action: ZUnitAction,
  at: z.iso.datetime().optional(),
  /** Required for note, outOfService (the reason); optional otherwise. */
  text: z.string().trim().max(2000).optional(),
});
export type TUnitActionRequest = z.infer<typeof ZUnitActionRequest>;

export const ZUnitActionResponse = z.object({ unit: ZResponderUnit, incident: ZIncident.nullable() });
export type TUnitActionResponse = z.infer<typeof ZUnitActionResponse>;

// ── Recommendation and dispatch ─────────────────────────────────────────────────────────────────────

/** Run card: how many units of each type an incident type needs by default (a building fire → 2 fire + 1 EMS). */
export const ZRunCard = z.object({
  incidentType: ZIncidentType,
  units: z.partialRecord(ZUnitType, z.number().int().min(1).max(10)),
  /** How long a dispatched crew has to acknowledge (or go en route) before the control room is told. */
  ackWithinSeconds: z.number().int().positive(),
});
export type TRunCard = z.infer<typeof ZRunCard>;

export const ZRecommendedUnit = z.object({
  unitId: z.string(),
  callSign: z.string(),
  type: ZUnitType,
  status: ZUnitStatus,
  /** Travel time over the road graph at current (live traffic) speeds. */
  etaSeconds: z.number().nonnegative(),
  distanceM: z.number().nonnegative(),
  /** Pre-selected to satisfy the run card (the fastest units of each required type, home units first). */
  suggested: z.boolean(),
  route: z.array(ZLonLat),
  /** The fire area or police beat the unit's station shares with the incident, when it does (a home unit). */
  homeArea: z.string().optional(),
});
export type TRecommendedUnit = z.infer<typeof ZRecommendedUnit>;

/** GET /api/incidents/[id]/recommendation: available units of suitable types, fastest first. */
export const ZRecommendation = z.object({
  incidentId: z.string(),
  runCard: ZRunCard,
  units: z.array(ZRecommendedUnit),
  /** Required types with fewer available units than the run card asks for. */
  shortfall: z.partialRecord(ZUnitType, z.number().int().min(1)),
});
export type TRecommendation = z.infer<typeof ZRecommendation>;

export const ZDispatchRequest = z.object({ unitIds: z.array(z.string().min(1)).min(1).max(12) });
export type TDispatchRequest = z.infer<typeof ZDispatchRequest>;

const DISPATCH_STATES = ["active", "cleared", "cancelled"] as const;

/** One unit sent to one incident, with the times supervisors' response figures are made of. */
export const ZDispatch = z.object({
  id: z.string(),
  incidentId: z.string(),
  unitId: z.string(),
  callSign: z.string(),
  unitType: ZUnitType,
  state: z.enum(DISPATCH_STATES),
  dispatchedBy: ZPerson.nullable(),
  dispatchedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  enRouteAt: z.iso.datetime().nullable(),
  onSceneAt: z.iso.datetime().nullable(),
  clearedAt: z.iso.datetime().nullable(),
  etaSeconds: z.number().nonnegative(),
  distanceM: z.number().nonnegative(),
  route: z.array(ZLonLat),
});
export type TDispatch = z.infer<typeof ZDispatch>;

/** POST /api/incidents/[id]/dispatch → 200; 409 when a unit was taken or is out of service (ZConflictResponse, current = units). */
export const ZDispatchResponse = z.object({ incident: ZIncident, dispatches: z.array(ZDispatch), units: z.array(ZResponderUnit) });
export type TDispatchResponse = z.infer<typeof ZDispatchResponse>;

/** GET /api/incidents/[id]/dispatches */
export const ZIncidentDispatches = z.object({ dispatches: z.array(ZDispatch) });

// ── Field crew ──────────────────────────────────────────────────────────────────────────────────────

/** GET /api/field/assignment: the signed-in crew member's unit and its current assignment. */
export const ZFieldAssignment = z.object({
  unit: ZResponderUnit.nullable(),
  assignment: z
    .object({
      incident: ZIncident,
      dispatch: ZDispatch,
      notes: z.array(z.object({ at: z.iso.datetime(), author: ZPerson.nullable(), text: z.string() })),
    })
    .nullable(),
});
export type TFieldAssignment = z.infer<typeof ZFieldAssignment>;

/** POST /api/field/position: the crew's browser geolocation, turned into a UnitPosition event. */
export const ZFieldPositionRequest = z.object({
  location: ZLonLat,
  /** metres, from the Geolocation API */
  accuracyM: z.number().nonnegative().max(100_000).optional(),
  heading: z.number().min(0).max(360).nullable().optional(),
  /** m/s, from the Geolocation API */
  speedMps: z.number().min(0).max(100).nullable().optional(),
});
export type TFieldPositionRequest = z.infer<typeof ZFieldPositionRequest>;

// ── Shared helpers ──────────────────────────────────────────────────────────────────────────────────

export const UNIT_TYPE_LABEL: Record<TUnitType, string> = {
  police: "Police",
  fire: "Fire",
  ems: "EMS",
  sanitation: "Sanitation",
  utility: "Utility",
};

export const UNIT_STATUS_LABEL: Record<TUnitStatus, string> = {
  available: "Available",
  dispatched: "Dispatched",
  enRoute: "En route",
  onScene: "On scene",
  returning: "Returning",
  outOfService: "Out of service",
};

/** Units that can take a new assignment. */
export const isDispatchable = (unit: Pick<TResponderUnit, "status">) => unit.status === "available" || unit.status === "returning";

/**
 * Socket payload for a field user: their assignment changed (new, updated, or cleared); refetch. Tells a crew's phones their assignment changed. `recalled`: the control room took the unit off the job;
 * `backupAcknowledged`: someone answered their backup request. `message` says it in words for the crew.
 */
export type TAssignmentNotice = {
  unitId: string;
  incidentId: string | null;
  reason: "dispatched" | "updated" | "cancelled" | "recalled" | "backupAcknowledged";
  message?: string;
};
