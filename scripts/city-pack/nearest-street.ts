import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { distanceToLineM, type TLonLat } from "@/lib/geo";

/** Name of the closest named road segment, e.g. to label a bin or a generated station. */
export function nearestStreetName(p: TLonLat, segments: readonly TRoadSegment[], maxDistanceM = 250): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const s of segments) {
    if (!s.name) continue;
    const d = distanceToLineM(p, s.coords);
    if (d <= maxDistanceM && (!best || d < best.d)) best = { name: s.name, d };
  }
  return best?.name;
}
