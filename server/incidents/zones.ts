import type { TCityEntities } from "@/lib/contracts/city-pack";
import { bboxOf, type TLonLat } from "@/lib/geo";

export type TBounds = [west: number, south: number, east: number, north: number];
export type TZoneOf = (position: TLonLat) => string;

const ROWS = ["North", "", "South"] as const;
const COLUMNS = ["West", "", "East"] as const;

/**
 * A 3×3 grid over the city's bounds: "North-West" … "Central" … "South-East". Deliberately coarse and
 * stable (the same position always lands in the same zone for a given city pack); positions outside the
 * bounds fall into the nearest edge cell.
 */
export function zoneName(bounds: TBounds, [lon, lat]: TLonLat): string {
  const [west, south, east, north] = bounds;
  const cell = (value: number, from: number, to: number) => (to <= from ? 1 : Math.min(2, Math.max(0, Math.floor(((value - from) / (to - from)) * 3))));
  const row = ROWS[2 - cell(lat, south, north)];
  const column = COLUMNS[cell(lon, west, east)];
  if (!row && !column) return "Central";
  return [row, column].filter(Boolean).join("-");
}

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

export function createZoneLookup(entities: TCityEntities): TZoneOf {
  const bounds = cityBounds(entities);
  return (position) => zoneName(bounds, position);
}
