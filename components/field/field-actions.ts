import type { TFieldAssignment, TUnitAction, TUnitStatus } from "@/lib/contracts/units";

/** The crew's flow buttons, in the order a job uses them. */
export const FIELD_FLOW_ACTIONS = ["acknowledge", "enRoute", "onScene", "needBackup", "cleared"] as const satisfies readonly TUnitAction[];
export type TFieldFlowAction = (typeof FIELD_FLOW_ACTIONS)[number];

export const FIELD_ACTION_LABEL: Partial<Record<TUnitAction, string>> & Record<TFieldFlowAction | "note", string> = {
  acknowledge: "Acknowledge",
  enRoute: "En route",
  onScene: "On scene",
  needBackup: "Need backup",
  cleared: "Cleared",
  note: "Note",
  checkIn: "Check-in",
};

/** What the buttons depend on: the unit as the crew should see it (the server's state plus their unsent taps). */
export type TCrewView = {
  status: TUnitStatus;
  /** The unit has a current assignment. */
  assigned: boolean;
  /** The crew has acknowledged the current dispatch (moving on implies it). */
  acknowledged: boolean;
  needsBackup: boolean;
};

/** null when the signed-in user crews no unit. */
export function crewViewOf(data: TFieldAssignment): TCrewView | null {
  const { unit, assignment } = data;
  if (!unit) return null;
  return {
    status: unit.status,
    assigned: assignment !== null,
    acknowledged: assignment !== null && (assignment.dispatch.acknowledgedAt !== null || unit.status !== "dispatched"),
    needsBackup: unit.needsBackup,
  };
}

/**
 * One tap applied optimistically, as the server's flow does it (server/dispatch/unit-transitions.ts, which
 * has the final word): a status move answers an open backup request; clearing ends the assignment.
 */
function applyAction(view: TCrewView, action: TUnitAction): TCrewView {
  switch (action) {
    case "acknowledge":
      return { ...view, acknowledged: true };
    case "enRoute":
      return { ...view, status: "enRoute", acknowledged: true, needsBackup: false };
    case "onScene":
      return { ...view, status: "onScene", acknowledged: true, needsBackup: false };
    case "needBackup":
      return { ...view, needsBackup: true };
    case "cleared":
      return { ...view, status: "returning", assigned: false, needsBackup: false };
    default:
      return view;
  }
}

/** The view after the crew's pending taps, oldest first (they are sent in that order). */
export function applyCrewActions(view: TCrewView, actions: readonly TUnitAction[]): TCrewView {
  return actions.reduce(applyAction, view);
}

const ON_A_JOB: readonly TUnitStatus[] = ["dispatched", "enRoute", "onScene"];

export function isFieldActionEnabled(action: TFieldFlowAction, view: TCrewView): boolean {
  if (!view.assigned) return false;
  switch (action) {
    case "acknowledge":
      return view.status === "dispatched" && !view.acknowledged;
    case "enRoute":
      return view.status === "dispatched";
    case "onScene":
      return view.status === "dispatched" || view.status === "enRoute";
    case "needBackup":
      return ON_A_JOB.includes(view.status) && !view.needsBackup;
    case "cleared":
      // Also on the way (turned back, not needed): the server allows clearing from any assigned status.
      return ON_A_JOB.includes(view.status);
  }
}

/** Notes go to the control room whenever the crew is on a job. */
export function canSendNote(view: TCrewView): boolean {
  return view.assigned && ON_A_JOB.includes(view.status);
}
