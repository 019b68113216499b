import type { TIncident } from "@/lib/contracts/incidents";

type TStatus = TIncident["status"];

/**
 * Which status may follow which. The main flow is new → acknowledged → dispatched → onScene → resolved
 * → closed; the extra edges cover what happens in a control room (handled without dispatching, units
 * recalled, a resolved incident reopened). Dispatch will drive dispatched/onScene later; edit here only.
 */
export const INCIDENT_TRANSITIONS: { readonly [S in TStatus]: readonly TStatus[] } = {
  new: ["acknowledged"],
  acknowledged: ["dispatched", "resolved"],
  dispatched: ["onScene", "acknowledged", "resolved"],
  onScene: ["resolved"],
  resolved: ["closed", "acknowledged"],
  closed: [],
};

/** Why `from → to` is not allowed, or null when it is. */
export function refuseTransition(from: TStatus, to: TStatus): string | null {
  if (INCIDENT_TRANSITIONS[from].includes(to)) return null;
  if (from === to) return `The incident is already ${from}`;
  const allowed = INCIDENT_TRANSITIONS[from];
  return `An incident cannot go from ${from} to ${to}` + (allowed.length ? ` (allowed next: ${allowed.join(", ")})` : ` (${from} is final)`);
}

/** Incidents that can still take new alerts and notes. */
export const isIncidentActive = (status: TStatus) => status !== "resolved" && status !== "closed";
