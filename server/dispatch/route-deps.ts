import type { TCurrentUser } from "@/lib/contracts/auth";
import { actorOf } from "@/server/http/actor";
import { actionDeps } from "@/server/http/route-deps";
import { hubPublisher } from "@/server/realtime/publisher";
import type { TRegisteredRuntime } from "@/server/runtime-registry";
import type { TDispatchRuntime } from "./dispatch-runtime";
import type { TDispatchDeps } from "./types";
import type { TUnitAdminDeps } from "./unit-admin-deps";

/** Who manages units (create, change, crew). */
export const UNIT_ADMIN_ROLES = ["admin", "supervisor"] as const;
/** Who sees the unit board. */
export const UNIT_BOARD_ROLES = ["operator", "supervisor", "admin"] as const;
/** Who reports a unit's status: the control room for any unit, a field user for their own (checked in applyUnitAction). */
export const UNIT_ACTION_ROLES = ["operator", "supervisor", "field"] as const;

type TRouteInput = { runtime: TRegisteredRuntime; user: TCurrentUser; ip: string | null };

export function dispatchRuntimeOf(runtime: TRegisteredRuntime): TDispatchRuntime {
  // Started with the alert runtime whenever there is a database: the server always has it.
  if (!runtime.city.dispatch) throw new Error("The dispatch runtime is not running");
  return runtime.city.dispatch;
}

/** What dispatch and unit actions need, from a defineRoute input. */
export function dispatchDeps(input: TRouteInput): TDispatchDeps {
  const { planner, positions, motion } = dispatchRuntimeOf(input.runtime);
  return { ...actionDeps(input), planner, positions, motion };
}

/** What creating and changing units needs, from a defineRoute input. */
export function unitAdminDeps({ runtime, user, ip }: TRouteInput): TUnitAdminDeps {
  const dispatch = dispatchRuntimeOf(runtime);
  return {
    prisma: runtime.database.prisma,
    actor: actorOf(user),
    ip,
    publish: hubPublisher(runtime.city.hub),
    stationIds: dispatch.stationIds,
    unitSaved: dispatch.unitSaved,
  };
}
