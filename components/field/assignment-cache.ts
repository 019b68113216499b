import type { TFieldAssignment, TUnitActionResponse } from "@/lib/contracts/units";
import type { TUnitActionVariables } from "./unit-action-mutation";

/**
 * The cached assignment after the server answered one of the crew's actions, so the screen shows the
 * answer at once (a refetch follows). The answer carries the unit and the incident, not the dispatch:
 * an acknowledgement is stamped on the cached dispatch by hand.
 */
export function withActionResult(
  cached: TFieldAssignment | undefined,
  response: TUnitActionResponse,
  { request }: TUnitActionVariables,
): TFieldAssignment | undefined {
  if (!cached || cached.unit?.id !== response.unit.id) return cached;
  const { assignment } = cached;
  const stillAssigned = assignment !== null && response.unit.incidentId === assignment.incident.id;
  if (!stillAssigned) return { unit: response.unit, assignment: null };
  const acknowledgedAt =
    assignment.dispatch.acknowledgedAt ?? (request.action === "acknowledge" ? (request.at ?? new Date().toISOString()) : null);
  return {
    unit: response.unit,
    assignment: {
      ...assignment,
      incident: response.incident?.id === assignment.incident.id ? response.incident : assignment.incident,
      dispatch: { ...assignment.dispatch, acknowledgedAt },
    },
  };
}
