import { haversineM, type TLonLat } from "@/lib/geo";
import type { TIncident } from "@/lib/contracts/incidents";
import { isDispatchable, type TRecommendation, type TRecommendedUnit, type TResponderUnit, type TRunCard } from "@/lib/contracts/units";
import type { TResponseAreas } from "./response-areas";
import { runCardFor } from "./run-cards";
import type { TRoutePlanner, TUnitPositions } from "./types";

/**
 * Which units to send: every dispatchable unit of a type the run card asks for, with its drive to the
 * incident at current speeds, fastest first. The fastest of each required type are pre-selected; a type
 * with too few reachable units is reported as a shortfall. Units already on the incident count towards
 * the run card, so a second look after dispatching suggests only what is still missing. Units with no
 * known position or no road to the incident are left out. Only the units of a type nearest as the crow
 * flies are routed (a metro has hundreds, each route a search of the whole road graph); a town's fleet
 * is all within that many. Where the city has drawn fire response areas or police beats, units whose station
 * lies in the incident's area are pre-selected before faster ones from elsewhere (they know the area and keep
 * the neighbouring areas covered); a type whose home units are too few is topped up by the fastest others.
 */
/** Units of a type routed per recommendation: at least this many, and this many per unit the run card needs. */
const MIN_ROUTED_PER_TYPE = 8;
const ROUTED_PER_NEEDED = 4;

/** The units with a known position, only the `limit(type)` nearest of each type (and every home unit), in their original order. */
function nearestByType(
  units: readonly TResponderUnit[],
  positions: TUnitPositions,
  to: TLonLat,
  limit: (type: TResponderUnit["type"]) => number,
  isHome: (unit: TResponderUnit) => boolean,
): { unit: TResponderUnit; position: TLonLat }[] {
  const located = units.flatMap((unit, order) => {
    const position = positions(unit.id);
    return position ? [{ unit, position, order, distanceM: haversineM(position, to) }] : [];
  });
  const kept = new Set<number>();
  const taken = new Map<TResponderUnit["type"], number>();
  for (const c of [...located].sort((a, b) => a.distanceM - b.distanceM || a.order - b.order)) {
    const n = taken.get(c.unit.type) ?? 0;
    if (n >= limit(c.unit.type) && !isHome(c.unit)) continue;
    taken.set(c.unit.type, n + 1);
    kept.add(c.order);
  }
  return located.filter((c) => kept.has(c.order));
}

export function recommendUnits(input: {
  incident: Pick<TIncident, "id" | "type" | "location">;
  units: readonly TResponderUnit[];
  positions: TUnitPositions;
  planner: TRoutePlanner;
  /** A declared domain's run card for this incident (its alert's rule names one); default: the incident type's. */
  runCard?: TRunCard;
  /** The incident's fire area and police beat and the units' home areas (none: no preference). */
  responseAreas?: TResponseAreas;
}): TRecommendation {
  const runCard = input.runCard ?? runCardFor(input.incident.type);
  const wanted = runCard.units;
  const candidates: TRecommendedUnit[] = [];
  const areas = input.responseAreas;
  const homeAreaOf = (unit: TResponderUnit): string | undefined => {
    const area = areas?.incident[unit.type];
    return area !== undefined && areas?.homeOf(unit) === area ? area : undefined;
  };
  const located = nearestByType(
    input.units.filter((unit) => isDispatchable(unit) && wanted[unit.type]),
    input.positions,
    input.incident.location,
    (type) => Math.max(MIN_ROUTED_PER_TYPE, ROUTED_PER_NEEDED * (wanted[type] ?? 0)),
    (unit) => homeAreaOf(unit) !== undefined,
  );
  for (const { unit, position } of located) {
    const route = input.planner.planRoute(position, input.incident.location);
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
      ...(homeAreaOf(unit) === undefined ? {} : { homeArea: homeAreaOf(unit) }),
    });
  }
  candidates.sort((a, b) => a.etaSeconds - b.etaSeconds || a.callSign.localeCompare(b.callSign));

  const picked: Partial<Record<TResponderUnit["type"], number>> = {};
  for (const unit of input.units) if (unit.incidentId === input.incident.id) picked[unit.type] = (picked[unit.type] ?? 0) + 1;
  // Home units first, each group fastest first (a stable sort keeps the ETA order within it).
  const byPreference = [...candidates].sort((a, b) => Number(a.homeArea === undefined) - Number(b.homeArea === undefined));
  for (const candidate of byPreference) {
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
