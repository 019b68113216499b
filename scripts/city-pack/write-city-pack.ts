import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TCityPack } from "./build-city-pack";
import { directorySizeBytes } from "./fetch-sources";

function writeJson(file: string, value: unknown) {
  writeFileSync(file, `${JSON.stringify(value)}\n`);
}

/**
 * Writes a pack's files (pack.json, entities.json, one GeoJSON per basemap layer,
 * the basemap's vector tiles if it has them, style.json) into outDir, replacing it whole: the files are written beside it first
 * and swapped in, so a failed write never leaves a half pack the server would load.
 * Returns a one-line summary.
 */
export function writeCityPack(pack: TCityPack, outDir: string): string {
  const staging = `${outDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    writeJson(path.join(staging, "pack.json"), pack.manifest);
    writeJson(path.join(staging, "entities.json"), pack.entities);
    for (const [name, collection] of Object.entries(pack.basemap)) writeJson(path.join(staging, `${name}.geojson`), collection);
    for (const [zxy, tile] of pack.basemapTiles?.tiles ?? []) {
      const file = path.join(staging, "tiles", `${zxy}.pbf`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, tile);
    }
    writeFileSync(path.join(staging, "style.json"), `${JSON.stringify(pack.style, null, 2)}\n`);
    rmSync(outDir, { recursive: true, force: true });
    renameSync(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const counts = Object.entries(pack.entities)
    .map(([k, v]) => `${k} ${v.length}`)
    .join(", ");
  return `${counts} (${(directorySizeBytes(outDir) / 1024).toFixed(0)} KiB)`;
}
