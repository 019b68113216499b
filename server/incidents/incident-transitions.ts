import type { TIncident } from "@/lib/contracts/incidents";

type TStatus = TIncident["status"];

/**
 * Who moves an incident: a person in the control room (PATCH …/status), or its units (dispatch sends
 * them, the first arrives, the last one clears) on behalf of whoever's action caused it.
 */
type TTransitionCause = "person" | "units";

/**
 * Which status may follow which, and by whose move. The main flow is new → acknowledged → dispatched
 * → onScene → resolved → closed. A person's extra edges cover what happens in a control room (handled
 * without dispatching, units recalled, a resolved incident reopened); the units' edges follow them from
 * wherever the incident stands while it is active (dispatching a new incident, a crew arriving before
 * the operator caught up, the last unit clearing). Every status write goes through this table: edit here only.
 */
export const INCIDENT_TRANSITIONS: { readonly [S in TStatus]: { readonly [C in TTransitionCause]: readonly TStatus[] } } = {
  new: { person: ["acknowledged"], units: ["dispatched", "onScene", "resolved"] },
  acknowledged: { person: ["dispatched", "resolved"], units: ["dispatched", "onScene", "resolved"] },
  dispatched: { person: ["onScene", "acknowledged", "resolved"], units: ["onScene", "resolved"] },
  onScene: { person: ["resolved"], units: ["resolved"] },
  resolved: { person: ["closed", "acknowledged"], units: [] },
  closed: { person: [], units: [] },
};

/** Whether `by` may move an incident from `from` to `to`. */
export const isTransitionAllowed = (from: TStatus, to: TStatus, by: TTransitionCause): boolean =>
  INCIDENT_TRANSITIONS[from][by].includes(to);

/** Why `from → to` is not allowed for `by` (a person unless said), or null when it is. */
export function refuseTransition(from: TStatus, to: TStatus, by: TTransitionCause = "person"): string | null {
  if (isTransitionAllowed(from, to, by)) return null;
  if (from === to) return `The incident is already ${from}`;
  const allowed = INCIDENT_TRANSITIONS[from][by];
  const who = by === "units" ? "Its units cannot move an incident" : "An incident cannot go";
  const hint = allowed.length
    ? `allowed next: ${allowed.join(", ")}`
    : by === "units"
      ? `only a person moves a ${from} incident`
      : `${from} is final`;
  return `${who} from ${from} to ${to} (${hint})`;
}

/** Incidents that can still take new alerts and notes. */
export const isIncidentActive = (status: TStatus) => status !== "resolved" && status !== "closed";

/** Statuses that take the incident away from its units: a person's move into one recalls them to their stations. */
export const RELEASES_UNITS: ReadonlySet<TStatus> = new Set(["acknowledged", "resolved", "closed"]);
