import type { TRowPlace } from "./row-error";

/**
 * One row of an asset file before validation: its place in the file and its flat fields (CSV columns,
 * GeoJSON properties plus lon/lat, NGSI-LD attribute values). `sourceOf` names a field as the file does
 * (totalSpotNumber for capacity, geometry for lon), so errors point at what the author wrote.
 */
export type TRawRow = { place: TRowPlace; fields: Record<string, unknown>; sourceOf?: Record<string, string> };
