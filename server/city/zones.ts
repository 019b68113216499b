import type { TCityEntities } from "@/lib/contracts/city-pack";
import { bboxOf, type TLonLat } from "@/lib/geo";
import type { TBounds } from "@/lib/zones";

export type { TBounds };

/** Bounds of everything placed in the city pack (segments, lots, bins, grid, stations). */
export function cityBounds(entities: TCityEntities): TBounds {
  const points: TLonLat[] = [
    ...entities.segments.flatMap((s) => s.coords),
    ...entities.parking.map((p) => p.position),
    ...entities.bins.map((b) => b.position),
    ...entities.substations.map((s) => s.position),
    ...entities.feeders.flatMap((f) => f.coords),
    ...entities.stations.map((s) => s.position),
  ];
  return points.length > 0 ? bboxOf(points) : [0, 0, 0, 0];
}
