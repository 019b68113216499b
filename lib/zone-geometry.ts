import type { TZoneGeometry } from "@/lib/contracts/zones";
import { bboxOf, type TLonLat } from "./geo";

/** Each polygon of a zone as its rings (outer first, then holes), whether it is a Polygon or a MultiPolygon. */
export const polygonsOf = (geometry: TZoneGeometry) => (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates);

/** [west, south, east, north] of the zone's outer rings. */
export function zoneBbox(geometry: TZoneGeometry): [number, number, number, number] {
  return bboxOf(polygonsOf(geometry).flatMap((rings) => rings[0] as TLonLat[]));
}

/**
 * Planar area in square degrees, holes subtracted. Only for comparing zones ("the smallest zone wins", on the
 * server's index and the map's labels alike), never shown.
 */
export function zoneArea(geometry: TZoneGeometry): number {
  let total = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) total += ringArea(outer) - holes.reduce((sum, hole) => sum + ringArea(hole), 0);
  return total;
}

function ringArea(ring: readonly (readonly number[])[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(twice) / 2;
}
