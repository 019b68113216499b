import type { z } from "zod";
import type { ZIncidentPriority, ZIncidentStatus, ZIncidentType } from "@/lib/contracts/incidents";

// The contract exports the schemas only; the types follow from them.
export type TIncidentStatus = z.infer<typeof ZIncidentStatus>;
export type TIncidentPriority = z.infer<typeof ZIncidentPriority>;
export type TIncidentType = z.infer<typeof ZIncidentType>;

export const INCIDENT_TYPE_LABEL: Record<TIncidentType, string> = {
  fire: "Fire",
  medical: "Medical",
  trafficCollision: "Traffic collision",
  trafficJam: "Traffic jam",
  hazard: "Hazard",
  wasteFire: "Waste fire",
  illegalDumping: "Illegal dumping",
  powerOutage: "Power outage",
  gridOverload: "Grid overload",
  parkingViolation: "Parking violation",
  publicDisturbance: "Public disturbance",
  other: "Other",
};

export const PRIORITY_LABEL: Record<TIncidentPriority, string> = {
  P1: "P1 — immediate",
  P2: "P2 — urgent",
  P3: "P3 — routine",
  P4: "P4 — low",
};

export const INCIDENT_STATUS_LABEL: Record<TIncidentStatus, string> = {
  new: "New",
  acknowledged: "Acknowledged",
  dispatched: "Dispatched",
  onScene: "On scene",
  resolved: "Resolved",
  closed: "Closed",
};

/** The one forward step from each status (the server has the final word and answers 409 otherwise). */
export const NEXT_INCIDENT_STATUS: Record<TIncidentStatus, TIncidentStatus | null> = {
  new: "acknowledged",
  acknowledged: "dispatched",
  dispatched: "onScene",
  onScene: "resolved",
  resolved: "closed",
  closed: null,
};

export const NEXT_STATUS_ACTION: Record<TIncidentStatus, string> = {
  new: "Create",
  acknowledged: "Acknowledge",
  dispatched: "Mark dispatched",
  onScene: "Mark on scene",
  resolved: "Resolve",
  closed: "Close",
};
