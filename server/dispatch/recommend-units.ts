import type { TIncident } from "@/lib/contracts/incidents";
import { isDispatchable, type TRecommendation, type TRecommendedUnit, type TResponderUnit } from "@/lib/contracts/units";
import { runCardFor } from "./run-cards";
import type { TRoutePlanner, TUnitPositions } from "./types";

/**
 * Which units to send: every dispatchable unit of a type the run card asks for, with its drive to the
 * incident at current speeds, fastest first. The fastest of each required type are pre-selected; a type
 * with too few reachable units is reported as a shortfall. Units already on the incident count towards
 * the run card, so a second look after dispatching suggests only what is still missing. Units with no
 * known position or no road to the incident are left out.
 */
export function recommendUnits(input: {
  incident: Pick<TIncident, "id" | "type" | "location">;
  units: readonly TResponderUnit[];
  positions: TUnitPositions;
  planner: TRoutePlanner;
}): TRecommendation {
  const runCard = runCardFor(input.incident.type);
  const wanted = runCard.units;
  const candidates: TRecommendedUnit[] = [];
  for (const unit of input.units) {
    if (!isDispatchable(unit) || !wanted[unit.type]) continue;
    const position = input.positions(unit.id);
    const route = position && input.planner.planRoute(position, input.incident.location);
    if (!route) continue;
    candidates.push({
      unitId: unit.id,
      callSign: unit.callSign,
      type: unit.type,
      status: unit.status,
      etaSeconds: route.etaSeconds,
      distanceM: route.distanceM,
      suggested: false,
      route: route.coords,
    });
  }
  candidates.sort((a, b) => a.etaSeconds - b.etaSeconds || a.callSign.localeCompare(b.callSign));

  const picked: Partial<Record<TResponderUnit["type"], number>> = {};
  for (const unit of input.units) if (unit.incidentId === input.incident.id) picked[unit.type] = (picked[unit.type] ?? 0) + 1;
  for (const candidate of candidates) {
    const count = picked[candidate.type] ?? 0;
    if (count < (wanted[candidate.type] ?? 0)) {
      candidate.suggested = true;
      picked[candidate.type] = count + 1;
    }
  }
  const shortfall: TRecommendation["shortfall"] = {};
  for (const [type, needed] of Object.entries(wanted) as [TResponderUnit["type"], number][]) {
    const missing = needed - (picked[type] ?? 0);
    if (missing > 0) shortfall[type] = missing;
  }
  return { incidentId: input.incident.id, runCard, units: candidates, shortfall };
}
