import type { TResponderUnit } from "@/lib/contracts/units";
import type { TCrewChange } from "./assign-crew";
import type { TUnitAdminDeps } from "./unit-admin-deps";

/** After a unit was saved: push it (and the units its new crew left), and tell crew members who joined or left. */
export function publishCrewChange(
  deps: Pick<TUnitAdminDeps, "publish" | "unitSaved">,
  { unit, crew, left }: { unit: TResponderUnit; crew: TCrewChange; left: TResponderUnit[] },
): void {
  for (const changed of [unit, ...left]) {
    deps.unitSaved(changed);
    deps.publish.unit(changed);
  }
  deps.publish.assignment(crew.added, { unitId: unit.id, incidentId: unit.incidentId, reason: "updated" });
  // Removed members no longer crew it: their /field view empties.
  deps.publish.assignment(crew.removed, { unitId: unit.id, incidentId: null, reason: "cancelled" });
}
