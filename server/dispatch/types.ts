import type { TDispatch, TResponderUnit } from "@/lib/contracts/units";
import type { TAuditActor } from "@/server/audit/record-audit";
import type { TActionDeps } from "@/server/http/action-deps";
import type { TLonLat } from "@/lib/geo";

import type { TRoutePlanner } from "@/server/city/road-graph";
export type { TPlannedRoute, TRoutePlanner } from "@/server/city/road-graph";

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
