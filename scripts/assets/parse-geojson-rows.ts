import type { TRawRow } from "./raw-row";
import type { TRowError } from "./row-error";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A GeoJSON FeatureCollection of Points as raw rows: properties hold the fields, the Point fills lon and lat.
 * Features are counted from 1; the feature's own `id` stands in for a missing `id` property.
 */
export function parseGeoJsonRows(json: unknown): { rows: TRawRow[]; errors: TRowError[] } {
  if (!isRecord(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features))
    return { rows: [], errors: [{ message: 'a GeoJSON file must be a FeatureCollection: {"type":"FeatureCollection","features":[…]}' }] };
  const rows: TRawRow[] = [];
  const errors: TRowError[] = [];
  json.features.forEach((feature: unknown, index) => {
    const place = { unit: "feature" as const, n: index + 1 };
    if (!isRecord(feature) || feature.type !== "Feature") {
      errors.push({ place, message: 'must be a GeoJSON Feature ({"type":"Feature","geometry":…,"properties":…})' });
      return;
    }
    const geometry = feature.geometry;
    if (!isRecord(geometry)) {
      errors.push({ place, field: "geometry", message: "is required: a Point with [lon, lat]" });
      return;
    }
    if (geometry.type !== "Point" || !Array.isArray(geometry.coordinates)) {
      errors.push({ place, field: "geometry", message: `must be a Point with [lon, lat], not ${String(geometry.type)}` });
      return;
    }
    if (feature.properties !== null && feature.properties !== undefined && !isRecord(feature.properties)) {
      errors.push({ place, field: "properties", message: "must be an object" });
      return;
    }
    const properties = feature.properties ?? {};
    const [lon, lat] = geometry.coordinates as unknown[];
    const id = properties.id ?? (typeof feature.id === "string" || typeof feature.id === "number" ? String(feature.id) : undefined);
    rows.push({
      place,
      fields: { ...properties, id, lon, lat },
      sourceOf: { lon: "geometry.coordinates[0]", lat: "geometry.coordinates[1]" },
    });
  });
  return { rows, errors };
}
