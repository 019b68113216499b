import type { QueryClient } from "@tanstack/react-query";
import { isDispatchable, type TResponderUnit } from "@/lib/contracts/units";
import { incidentKeys } from "@/components/incidents/incident-queries";
import { patchUnitCache } from "@/components/units/unit-queries";
import { dispatchKeys } from "./dispatch-queries";

/**
 * Newer unit states (from the socket, an action's answer or a 409) into the caches: the units list in
 * place, the assigned units and timeline of the incidents they left or joined refetched, and open
 * recommendations refetched when a unit became (or stopped being) dispatchable.
 */
export function applyUnitChanges(queryClient: QueryClient, units: readonly TResponderUnit[]): void {
  if (units.length === 0) return;
  const before = patchUnitCache(queryClient, units);
  const incidents = new Set<string>();
  let availabilityChanged = false;
  for (const unit of units) {
    const previous = before.get(unit.id);
    if (previous && previous.version >= unit.version) continue;
    if (unit.incidentId) incidents.add(unit.incidentId);
    if (previous?.incidentId) incidents.add(previous.incidentId);
    if (!previous || isDispatchable(previous) !== isDispatchable(unit)) availabilityChanged = true;
  }
  for (const incidentId of incidents) {
    void queryClient.invalidateQueries({ queryKey: dispatchKeys.dispatches(incidentId) });
    // Crew reports land on the incident's timeline without necessarily changing the incident.
    void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) });
  }
  if (availabilityChanged) void queryClient.invalidateQueries({ queryKey: dispatchKeys.recommendations() });
}
