import { readFile } from "node:fs/promises";
import path from "node:path";
import type { TAssetKind } from "./asset-kinds";
import { parseCsvRows } from "./parse-csv-rows";
import { parseGeoJsonRows } from "./parse-geojson-rows";
import { parseNgsiLdRows } from "./parse-ngsi-ld-rows";
import type { TRawRow } from "./raw-row";
import type { TRowError } from "./row-error";

export type TAssetFormat = "csv" | "geojson" | "ngsi-ld";
export type TAssetFileRows = { format: TAssetFormat; rows: TRawRow[]; errors: TRowError[] };

/**
 * Any supported file as raw rows: .csv is CSV; .geojson, or .json holding a FeatureCollection, is GeoJSON;
 * other .json is NGSI-LD entities.
 */
export async function readAssetFile(file: string, kind: TAssetKind): Promise<TAssetFileRows> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return { format: "csv", rows: [], errors: [{ message: `${file} cannot be read: ${(error as Error).message}` }] };
  }
  return parseAssetText(text, path.extname(file).toLowerCase(), kind);
}

export function parseAssetText(text: string, extension: string, kind: TAssetKind): TAssetFileRows {
  if (extension === ".csv") return { format: "csv", ...parseCsvRows(text, kind) };
  if (extension !== ".json" && extension !== ".geojson" && extension !== ".jsonld")
    return {
      format: "csv",
      rows: [],
      errors: [{ message: `unsupported file type "${extension}": use .csv, .geojson or .json (NGSI-LD)` }],
    };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { format: "ngsi-ld", rows: [], errors: [{ message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const isFeatureCollection = typeof json === "object" && json !== null && (json as { type?: unknown }).type === "FeatureCollection";
  if (extension === ".geojson" || isFeatureCollection) return { format: "geojson", ...parseGeoJsonRows(json) };
  return { format: "ngsi-ld", ...parseNgsiLdRows(json, kind) };
}
