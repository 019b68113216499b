import type { TLonLat } from "@/lib/geo";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TZoneKind } from "@/lib/contracts/zones";
import { cityBounds } from "@/server/city/zones";
import type { PrismaClient } from "@/server/db/generated/client";
import { listZones } from "./list-zones";
import { seedGridZones } from "./seed-grid-zones";
import { buildZoneIndex } from "./zone-index";

export type TZoneDirectory = {
  /** The zone a position is in (its name), or NO_ZONE; synchronous, from the index in memory. */
  zoneOf(position: TLonLat): string;
  /** The smallest zone of a kind (fire area, police beat) a position is in, if any: where dispatch looks for home units. */
  areaOf(position: TLonLat, kind: TZoneKind): string | undefined;
  /** Reads the zones in use again and swaps the index (after a change here or on another instance). */
  reload(): Promise<void>;
};

/**
 * The zones in memory for alerts, incidents, dispatch and citizens' reports. Seeds the old 3×3 grid on a
 * database that never had zones, then loads the index.
 */
export async function startZoneDirectory(deps: { prisma: PrismaClient; entities: TCityEntities }): Promise<TZoneDirectory> {
  await seedGridZones(deps.prisma, cityBounds(deps.entities));
  let index = buildZoneIndex(await listZones(deps.prisma));
  // Reloads may overlap (a change here and a notice from another instance); a read that started later
  // saw at least as much, so an earlier read finishing last must not win.
  let started = 0;
  let applied = 0;
  return {
    zoneOf: (position) => index.zoneOf(position),
    areaOf: (position, kind) => index.areaOf(position, kind),
    async reload() {
      const mine = ++started;
      const zones = await listZones(deps.prisma);
      if (mine < applied) return;
      applied = mine;
      index = buildZoneIndex(zones);
    },
  };
}
