import type { TCapRing } from "@/lib/contracts/cap-warnings";
import type { TCapMessage } from "./cap-message";

const KM_PER_DEGREE_LAT = 111.32;
const CIRCLE_SEGMENTS = 32;

type TCapArea = TCapMessage["info"][number]["area"][number];

/** A CAP area's polygons and circles as GeoJSON rings ([lon, lat]); a circle becomes a 32-sided polygon. */
export function capAreaPolygons(areas: readonly TCapArea[]): TCapRing[] {
  return areas.flatMap((area) => [
    ...area.polygon.map((points) => points.map(([lat, lon]) => [lon, lat] as [number, number])),
    ...area.circle.map(([[lat, lon], radiusKm]) => circleRing(lat, lon, radiusKm)),
  ]);
}

function circleRing(lat: number, lon: number, radiusKm: number): TCapRing {
  const dLat = radiusKm / KM_PER_DEGREE_LAT;
  // Near the poles a degree of longitude shrinks to nothing; the floor keeps the ring finite.
  const dLon = radiusKm / (KM_PER_DEGREE_LAT * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
  const ring: TCapRing = [];
  for (let i = 0; i < CIRCLE_SEGMENTS; i++) {
    const angle = (2 * Math.PI * i) / CIRCLE_SEGMENTS;
    ring.push([lon + dLon * Math.cos(angle), lat + dLat * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return ring;
}
