import type { TCityPackManifest } from "@/lib/contracts/city-pack";
import type { TPackAssetKind } from "./asset-kinds";
import type { TRowError } from "./row-error";
import type { TValidRow } from "./validate-asset-rows";

/** How far outside the pack's bounds an asset may sit (about 5 km): a depot or substation just past the edge is real. */
export const CITY_MARGIN_DEG = 0.05;

type TBounds = TCityPackManifest["bounds"];

const isInside = ([lon, lat]: readonly [number, number], [west, south, east, north]: TBounds) =>
  lon >= west - CITY_MARGIN_DEG && lon <= east + CITY_MARGIN_DEG && lat >= south - CITY_MARGIN_DEG && lat <= north + CITY_MARGIN_DEG;

/**
 * Rows whose point lies outside the city. Every valid longitude and latitude passes the row schema, so this is
 * what catches the commonest mistake in a hand-made file: lon and lat swapped (or another city's file).
 */
export function rowsOutsideCity(rows: readonly TValidRow<TPackAssetKind>[], bounds: TBounds): TRowError[] {
  const errors: TRowError[] = [];
  for (const row of rows) {
    const [lon, lat] = row.asset.position;
    if (isInside([lon, lat], bounds)) continue;
    const isSwapped = isInside([lat, lon], bounds);
    // The point as the file names it: lon/lat columns, a GeoJSON geometry, an NGSI-LD location.
    const field = row.sourceOf?.lon?.replace(/\.coordinates\[0\]$/, "") ?? "lon/lat";
    errors.push({
      place: row.place,
      field,
      message: `${lon}, ${lat} is outside the city (bounds ${bounds.join(",")}, give or take ${CITY_MARGIN_DEG}°)${isSwapped ? ": are lon and lat swapped?" : ""}`,
    });
  }
  return errors;
}
