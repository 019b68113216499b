import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import Flatbush from "flatbush";
import type { TLonLat } from "@/lib/geo";
import { NO_ZONE, type TZone, type TZoneGeometry } from "@/lib/contracts/zones";

export type TIndexedZone = Pick<TZone, "name" | "geometry">;
export type TZoneIndex = {
  /** The name of the smallest zone containing the position (the most specific), or NO_ZONE. */
  zoneOf(position: TLonLat): string;
};

/**
 * Bounding boxes in a packed R-tree narrow the candidates, the polygon test (holes excluded, edges
 * included) decides. Synchronous and allocation-light: it runs for every alert the engine raises.
 */
export function buildZoneIndex(zones: readonly TIndexedZone[]): TZoneIndex {
  if (zones.length === 0) return { zoneOf: () => NO_ZONE };
  // Smallest first (ties by name, so the answer never depends on load order): the first hit wins.
  const sorted = zones
    .map((zone) => ({ ...zone, area: areaOf(zone.geometry) }))
    .sort((a, b) => a.area - b.area || a.name.localeCompare(b.name));
  const index = new Flatbush(sorted.length);
  for (const zone of sorted) index.add(...bboxOf(zone.geometry));
  index.finish();
  return {
    zoneOf(position) {
      const [lon, lat] = position;
      let best = -1;
      for (const i of index.search(lon, lat, lon, lat)) {
        if ((best === -1 || i < best) && booleanPointInPolygon(position, sorted[i].geometry)) best = i;
      }
      return best === -1 ? NO_ZONE : sorted[best].name;
    },
  };
}

const polygonsOf = (geometry: TZoneGeometry) => (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates);

function bboxOf(geometry: TZoneGeometry): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry))
    for (const [lon, lat] of polygon[0]) {
      west = Math.min(west, lon);
      south = Math.min(south, lat);
      east = Math.max(east, lon);
      north = Math.max(north, lat);
    }
  return [west, south, east, north];
}

/** Planar area in square degrees, holes subtracted: only compared between zones, never shown. */
function areaOf(geometry: TZoneGeometry): number {
  let total = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) total += ringArea(outer) - holes.reduce((sum, hole) => sum + ringArea(hole), 0);
  return total;
}

function ringArea(ring: readonly (readonly number[])[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(twice) / 2;
}
