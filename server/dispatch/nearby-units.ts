import { haversineM, type TLonLat } from "@/lib/geo";
import type { TTx } from "@/server/db/transaction";
import { BACKUP_NEARBY_M } from "@/server/notifications/queue-crew-notices";
import type { TUnitPositions } from "./types";

/**
 * The units that can answer a backup request: the others on the same incident wherever they are, and any unit in
 * service within BACKUP_NEARBY_M of the incident (where it is now, else its station).
 */
export async function nearbyUnitIds(
  tx: TTx,
  positions: TUnitPositions,
  request: { incidentId: string; location: TLonLat; except: string },
): Promise<string[]> {
  const units = await tx.unit.findMany({
    where: { id: { not: request.except }, status: { not: "outOfService" } },
    select: { id: true, incidentId: true },
  });
  return units
    .filter((unit) => {
      if (unit.incidentId === request.incidentId) return true;
      const at = positions(unit.id);
      return at !== null && haversineM(at, request.location) <= BACKUP_NEARBY_M;
    })
    .map((unit) => unit.id);
}
