import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TLonLat } from "@/lib/geo";

/** Farther than this from any named street, a place is not "on" it. */
const NEAREST_STREET_MAX_M = 150;
const M_PER_DEG_LAT = 111_195;

/** The name of the named street nearest to `point` (distance to each segment's line), or null when none is that near. */
export function nearestStreetName(entities: Pick<TCityEntities, "segments">, point: TLonLat): string | null {
  // Metres east/north of the point: over a town the flat approximation is accurate to well under 1 %.
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((point[1] * Math.PI) / 180);
  const local = (p: TLonLat): [number, number] => [(p[0] - point[0]) * mPerDegLon, (p[1] - point[1]) * M_PER_DEG_LAT];
  let best: { name: string; distanceM: number } | null = null;
  for (const segment of entities.segments) {
    if (!segment.name) continue;
    for (let i = 1; i < segment.coords.length; i++) {
      const distanceM = distanceToOrigin(local(segment.coords[i - 1]), local(segment.coords[i]));
      if (!best || distanceM < best.distanceM) best = { name: segment.name, distanceM };
    }
  }
  return best && best.distanceM <= NEAREST_STREET_MAX_M ? best.name : null;
}

/** Distance from (0, 0) to the line segment a–b. */
function distanceToOrigin(a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / lengthSq));
  return Math.hypot(a[0] + t * dx, a[1] + t * dy);
}
