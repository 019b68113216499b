import { statSync } from "node:fs";
import path from "node:path";
import { createRandom } from "@/lib/seeded-random";
import { buildCityPack } from "./build-city-pack";
import { cityPackConfig } from "./city-pack-config";
import { directorySizeBytes } from "./fetch-sources";
import { generateMetroOsm, planMetro } from "./generate-metro-osm";
import type { TLog } from "./read-progress";
import { writeCityPack } from "./write-city-pack";

export const METRO_PACK_ID = "metro";

export type TMetroOptions = { segments: number; sensors: number; seed: number; outDir: string; log: TLog };

export type TMetroReport = {
  buildMs: number;
  counts: Record<string, number>;
  /** Segments, parking, bins, substations, feeders and units: every entity that reports. */
  sensorEntities: number;
  bytes: { total: number; entities: number };
};

/**
 * `npm run city:metro`: a generated metro (see generateMetroOsm) through the same
 * buildCityPack and writeCityPack as an imported city, written as the pack `metro`.
 */
export function buildMetro(o: TMetroOptions): TMetroReport {
  const started = performance.now();
  const plan = planMetro(o.segments, o.sensors);
  o.log(`generating a metro of ${plan.lines}×${plan.lines} streets (seed ${o.seed})`);
  const osm = generateMetroOsm(plan, createRandom(o.seed));
  o.log(`building the pack from ${osm.ways.size.toLocaleString("en-US")} ways and ${osm.nodes.size.toLocaleString("en-US")} nodes`);
  const config = {
    ...cityPackConfig({ name: "Metro City, generated", id: path.basename(o.outDir), seed: o.seed }),
    zoom: 12,
    scale: { substations: plan.substations, fleet: plan.fleet, sensorEntities: o.sensors },
  };
  const pack = buildCityPack(osm, config);
  o.log(`writing ${o.outDir}`);
  writeCityPack(pack, o.outDir);
  const counts = Object.fromEntries(Object.entries(pack.entities).map(([kind, list]) => [kind, list.length]));
  const { segments, parking, bins, substations, feeders, units } = counts;
  return {
    buildMs: performance.now() - started,
    counts,
    sensorEntities: segments + parking + bins + substations + feeders + units,
    bytes: { total: directorySizeBytes(o.outDir), entities: statSync(path.join(o.outDir, "entities.json")).size },
  };
}
