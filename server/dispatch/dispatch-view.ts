import type { TDispatch } from "@/lib/contracts/units";
import type { TLonLat } from "@/lib/geo";
import type { Prisma } from "@/server/db/generated/client";

export const DISPATCH_INCLUDE = {
  unit: { select: { callSign: true, type: true } },
  dispatchedBy: { select: { id: true, name: true } },
} as const satisfies Prisma.DispatchInclude;

type TDispatchRow = Prisma.DispatchGetPayload<{ include: typeof DISPATCH_INCLUDE }>;

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function toDispatch(row: TDispatchRow): TDispatch {
  return {
    id: row.id,
    incidentId: row.incidentId,
    unitId: row.unitId,
    callSign: row.unit.callSign,
    unitType: row.unit.type as TDispatch["unitType"],
    state: row.state as TDispatch["state"],
    dispatchedBy: row.dispatchedBy,
    dispatchedAt: row.dispatchedAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    enRouteAt: iso(row.enRouteAt),
    onSceneAt: iso(row.onSceneAt),
    clearedAt: iso(row.clearedAt),
    etaSeconds: row.etaSeconds,
    distanceM: row.distanceM,
    route: row.route as TLonLat[],
  };
}
