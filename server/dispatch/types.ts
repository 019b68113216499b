import type { TDispatch, TResponderUnit } from "@/lib/contracts/units";
import type { TAuditActor } from "@/server/audit/record-audit";
import type { TActionDeps } from "@/server/incidents/action-deps";
import type { TLonLat } from "@/lib/geo";

/** A drive over the road graph: what dispatch records and the simulator follows. */
export type TPlannedRoute = {
  /** Travel time at the speeds the planner was given (live traffic), seconds. */
  etaSeconds: number;
  distanceM: number;
  /** From the unit's position to the incident: [lon, lat][], at least two points. */
  coords: TLonLat[];
};

/** Shortest-time routes over the city's road graph at the current (live traffic) speeds. */
export type TRoutePlanner = {
  /** null when no road connects the two points (or a point is far off the network). */
  planRoute(from: TLonLat, to: TLonLat): TPlannedRoute | null;
};

/** Where units are right now: the latest UnitPosition event, else their home station. */
export type TUnitPositions = (unitId: string) => TLonLat | null;

/**
 * Keeps simulated units moving with their status: a dispatched unit drives its route, a cleared one drives
 * home. Against real units (Kafka) it does nothing. Called after each committed unit change.
 */
export type TUnitMotion = { unitChanged(unit: TResponderUnit, dispatch: TDispatch | null): void };
export const NO_MOTION: TUnitMotion = { unitChanged() {} };

/** What dispatch and unit actions need beyond an incident action's deps. `actor` null: the system (a simulated crew). */
export type TDispatchDeps = Omit<TActionDeps, "actor"> & {
  actor: TAuditActor;
  planner: TRoutePlanner;
  positions: TUnitPositions;
  motion: TUnitMotion;
};
