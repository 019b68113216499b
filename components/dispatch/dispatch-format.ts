import { UNIT_TYPES, type TUnitStatus, type TUnitType } from "@/lib/contracts/events";
import { UNIT_TYPE_LABEL, type TDispatch, type TRecommendation, type TRecommendedUnit, type TResponderUnit } from "@/lib/contracts/units";

type TTypeCounts = Partial<Record<TUnitType, number>>;

function countsText(counts: TTypeCounts): string {
  return UNIT_TYPES.filter((type) => (counts[type] ?? 0) > 0)
    .map((type) => `${counts[type]} ${UNIT_TYPE_LABEL[type]}`)
    .join(" + ");
}

/** "Run card: 2 Fire + 1 EMS". */
export function runCardText(runCard: TRecommendation["runCard"]): string {
  return `Run card: ${countsText(runCard.units) || "no units required"}`;
}

/** "Not enough available units: 1 Fire short", or null when the run card can be met. */
export function shortfallText(shortfall: TRecommendation["shortfall"]): string | null {
  const text = UNIT_TYPES.filter((type) => (shortfall[type] ?? 0) > 0)
    .map((type) => `${shortfall[type]} ${UNIT_TYPE_LABEL[type]}`)
    .join(", ");
  return text ? `Not enough available units: ${text} short of the run card.` : null;
}

/**
 * Why home units are ticked before faster ones, when the recommendation has any: their station lies in the
 * incident's fire area or police beat. Null when none has, so the panel says nothing it does not show.
 */
export function homeAreaNote(units: readonly Pick<TRecommendedUnit, "homeArea">[]): string | null {
  if (!units.some((unit) => unit.homeArea !== undefined)) return null;
  return "Units whose station is in the incident's fire area or police beat are ticked first, even when others are nearer: they know the area, and units from elsewhere stay free for their own.";
}

/** The operator's ticks over the server's suggestion: a unit is selected if ticked, or suggested and not unticked. */
export function selectedUnitIds(units: readonly TRecommendedUnit[], overrides: ReadonlyMap<string, boolean>): string[] {
  return units.filter((unit) => overrides.get(unit.unitId) ?? unit.suggested).map((unit) => unit.unitId);
}

export function dispatchButtonLabel(count: number): string {
  return count === 0 ? "Select units to dispatch" : `Dispatch ${count} ${count === 1 ? "unit" : "units"}`;
}

/**
 * The incident's units, one row per unit (its latest dispatch): still-assigned ones first, each part
 * in dispatch order.
 */
export function assignedUnits(dispatches: readonly TDispatch[]): TDispatch[] {
  const latest = new Map<string, TDispatch>();
  for (const dispatch of dispatches) {
    const seen = latest.get(dispatch.unitId);
    if (!seen || Date.parse(dispatch.dispatchedAt) > Date.parse(seen.dispatchedAt)) latest.set(dispatch.unitId, dispatch);
  }
  const rank = (dispatch: TDispatch) => (dispatch.state === "active" ? 0 : 1);
  return [...latest.values()].sort((a, b) => rank(a) - rank(b) || Date.parse(a.dispatchedAt) - Date.parse(b.dispatchedAt));
}

/** Routes worth drawing: units still driving to the incident. */
export function drivingRoutes(dispatches: readonly TDispatch[]): TDispatch["route"][] {
  return dispatches.filter((dispatch) => dispatch.state === "active" && dispatch.onSceneAt === null).map((dispatch) => dispatch.route);
}

/**
 * The unit status an assigned-units row shows: the unit's own while it is on this incident or, once
 * cleared, until it takes another assignment (returning, available…); otherwise what the dispatch recorded.
 */
export function assignedUnitStatus(
  dispatch: Pick<TDispatch, "state" | "enRouteAt" | "onSceneAt">,
  unit: Pick<TResponderUnit, "status" | "incidentId"> | undefined,
  incidentId: string,
): TUnitStatus | "cancelled" {
  if (dispatch.state === "cancelled") return "cancelled";
  const isUnitHere = unit !== undefined && (unit.incidentId === incidentId || (dispatch.state === "cleared" && unit.incidentId === null));
  if (isUnitHere) return unit.status;
  if (dispatch.state === "cleared") return "returning";
  return dispatch.onSceneAt ? "onScene" : dispatch.enRouteAt ? "enRoute" : "dispatched";
}
