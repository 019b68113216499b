import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import Flatbush from "flatbush";
import type { TLonLat } from "@/lib/geo";
import { NO_ZONE, type TZone, type TZoneKind } from "@/lib/contracts/zones";
import { zoneArea, zoneBbox } from "@/lib/zone-geometry";

export type TIndexedZone = Pick<TZone, "name" | "geometry"> & Partial<Pick<TZone, "kind">>;
export type TZoneIndex = {
  /** The name of the smallest zone containing the position (the most specific), or NO_ZONE. */
  zoneOf(position: TLonLat): string;
  /** The name of the smallest zone of that kind (a fire area, a police beat) containing the position, if any. */
  areaOf(position: TLonLat, kind: TZoneKind): string | undefined;
};

/**
 * Bounding boxes in a packed R-tree narrow the candidates, the polygon test (holes excluded, edges
 * included) decides. Synchronous and allocation-light: it runs for every alert the engine raises.
 */
export function buildZoneIndex(zones: readonly TIndexedZone[]): TZoneIndex {
  if (zones.length === 0) return { zoneOf: () => NO_ZONE, areaOf: () => undefined };
  // Smallest first (ties by name, so the answer never depends on load order): the first hit wins.
  const sorted = zones
    .map((zone) => ({ ...zone, area: zoneArea(zone.geometry) }))
    .sort((a, b) => a.area - b.area || a.name.localeCompare(b.name));
  const index = new Flatbush(sorted.length);
  for (const zone of sorted) index.add(...zoneBbox(zone.geometry));
  index.finish();
  const smallest = (position: TLonLat, isWanted: (zone: TIndexedZone) => boolean): string | undefined => {
    const [lon, lat] = position;
    let best = -1;
    for (const i of index.search(lon, lat, lon, lat)) {
      if ((best === -1 || i < best) && isWanted(sorted[i]) && booleanPointInPolygon(position, sorted[i].geometry)) best = i;
    }
    return best === -1 ? undefined : sorted[best].name;
  };
  return {
    zoneOf: (position) => smallest(position, () => true) ?? NO_ZONE,
    areaOf: (position, kind) => smallest(position, (zone) => zone.kind === kind),
  };
}
