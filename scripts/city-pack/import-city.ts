import { existsSync } from "node:fs";
import path from "node:path";
import { buildCityPack } from "./build-city-pack";
import { drivableWays } from "./build-road-segments";
import { cityPackConfig } from "./city-pack-config";
import type { TBbox } from "./collect-osm";
import { OsmInputError } from "./osm-input-error";
import type { TLog } from "./read-progress";
import { readOsmFile } from "./read-osm-file";
import { writeCityPack } from "./write-city-pack";

export type TImportCityOptions = {
  osmFile: string;
  name: string;
  bbox?: TBbox;
  /** Pack folder; public/city/<id> by default, which is what CITY_PACK=<id> serves. */
  outDir?: string;
  id?: string;
  seed?: number;
  /** Replace an existing pack folder. */
  isForced?: boolean;
  publicDir: string;
  log: TLog;
  progressMinBytes?: number;
};

/**
 * `npm run city:import`: any OpenStreetMap extract → a complete city pack, through
 * the same buildCityPack and writeCityPack as the Three Rivers build.
 */
export async function importCity(o: TImportCityOptions): Promise<{ id: string; outDir: string; summary: string }> {
  const config = cityPackConfig({ name: o.name, id: o.id ?? (o.outDir ? path.basename(path.resolve(o.outDir)) : undefined), seed: o.seed });
  const outDir = path.resolve(o.outDir ?? path.join(o.publicDir, "city", config.id));
  if (existsSync(outDir) && !o.isForced)
    throw new OsmInputError(`${outDir} already exists: pass --force to replace it, or --out another folder`);

  const osm = await readOsmFile(o.osmFile, { bbox: o.bbox, log: o.log, progressMinBytes: o.progressMinBytes });
  const roads = drivableWays(osm).length;
  if (roads === 0) {
    const where = o.bbox ? `inside bbox ${o.bbox.join(",")} of ${o.osmFile}` : `in ${o.osmFile}`;
    throw new OsmInputError(`no drivable roads (highway=motorway…service) ${where}: a city pack needs its street network`);
  }
  o.log(
    `building the city pack from ${roads.toLocaleString("en-US")} drivable ways: road segments and graph, parking, basemap, style, generated sensors, stations and units`,
  );
  const pack = buildCityPack(osm, config);
  o.log(`writing ${outDir}`);
  const summary = writeCityPack(pack, outDir);
  return { id: config.id, outDir, summary };
}
