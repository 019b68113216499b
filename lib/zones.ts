import type { TLonLat } from "./geo";

export type TBounds = [west: number, south: number, east: number, north: number];

const ROWS = ["North", "", "South"] as const;
const COLUMNS = ["West", "", "East"] as const;

const cellName = (row: string, column: string) => (!row && !column ? "Central" : [row, column].filter(Boolean).join("-"));

/** The nine zones alerts and incidents are placed in, north-west first (filters and pickers list them). */
export const ZONE_NAMES: readonly string[] = ROWS.flatMap((row) => COLUMNS.map((column) => cellName(row, column)));

/**
 * A 3×3 grid over the city's bounds: "North-West" … "Central" … "South-East". Deliberately coarse and
 * stable (the same position always lands in the same zone for a given city pack); positions outside the
 * bounds fall into the nearest edge cell.
 */
export function zoneName(bounds: TBounds, [lon, lat]: TLonLat): string {
  const [west, south, east, north] = bounds;
  const cell = (value: number, from: number, to: number) =>
    to <= from ? 1 : Math.min(2, Math.max(0, Math.floor(((value - from) / (to - from)) * 3)));
  return cellName(ROWS[2 - cell(lat, south, north)], COLUMNS[cell(lon, west, east)]);
}
