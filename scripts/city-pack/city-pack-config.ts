import type { TCityPackConfig } from "./build-city-pack";
import { OsmInputError } from "./osm-input-error";

/** Folder names under public/city/ and the CITY_PACK setting accept exactly these. */
export const CITY_PACK_ID = /^[a-z0-9][a-z0-9-]*$/;

/** "Göteborg, Sweden" → "goteborg". */
export function slugOf(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The settings of a pack built from a city's display name ("Three Rivers, Michigan"):
 * the part before the first comma names generated stations ("Three Rivers Public
 * Works Yard") and, slugged, the pack's folder. Everything else has the defaults
 * the Three Rivers pack was built with.
 */
export function cityPackConfig({ name, id, seed = 42 }: { name: string; id?: string; seed?: number }): TCityPackConfig {
  const displayName = name.trim();
  const townName = displayName.split(",")[0].trim();
  if (!townName) throw new OsmInputError(`--name "${name}" is empty: give the city's name, e.g. --name "Three Rivers, Michigan"`);
  const packId = id ?? slugOf(townName);
  if (!CITY_PACK_ID.test(packId))
    throw new OsmInputError(`pack id "${packId}" must be lower-case letters, digits and dashes: pass one with --id, e.g. --id my-city`);
  return {
    id: packId,
    name: displayName,
    townName,
    attribution: "© OpenStreetMap contributors (ODbL)",
    zoom: 14.5,
    seed,
    binCount: 250,
  };
}
