import { ZCityEntities, ZCityPackManifest, type TCityEntities, type TCityPackManifest } from "@/lib/contracts/city-pack";
import { createRandom, type TRandom } from "@/lib/seeded-random";
import type { StyleSpecification } from "maplibre-gl";
import { planBasemap } from "./basemap-tiling";
import { buildBasemap, type TBasemap } from "./build-basemap";
import { buildParking } from "./build-parking";
import { buildRoadSegments } from "./build-road-segments";
import { buildStyle } from "./build-style";
import type { TVectorTileset } from "./build-vector-tiles";
import { checkEntities } from "./check-entities";
import { generateBins } from "./generate-bins";
import { generateGrid } from "./generate-grid";
import { generateStations } from "./generate-stations";
import { generateUnits, type TFleetSize } from "./generate-units";
import { bboxOf, round6, type TLonLat } from "@/lib/geo";
import type { TOsmData } from "./read-osm";
import { townCenter } from "./town-shape";

export type TCityPackConfig = {
  id: string;
  name: string;
  /** Short name used in generated station names ("Three Rivers Public Works Yard"). */
  townName: string;
  attribution: string;
  zoom: number;
  seed: number;
  binCount: number;
  /** A generated metro sizes its grid and fleet, and tops bins up to a total of sensor entities. */
  scale?: { substations: number; fleet: TFleetSize; sensorEntities: number };
};

export type TCityPack = {
  manifest: TCityPackManifest;
  entities: TCityEntities;
  basemap: TBasemap;
  /** The basemap as vector tiles, for a pack whose GeoJSON is too big to load whole (see basemap-tiling). */
  basemapTiles: TVectorTileset | null;
  style: StyleSpecification;
};

/** FNV-1a, to give every generator its own random stream: changing one never shifts another. */
function streamSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

export function buildCityPack(osm: TOsmData, config: TCityPackConfig): TCityPack {
  const random = (name: string): TRandom => createRandom(streamSeed(config.seed, name));
  const segments = buildRoadSegments(osm);
  const basemap = buildBasemap(osm);

  const extent: TLonLat[] = [
    ...segments.flatMap((s) => s.coords),
    ...basemap.buildings.features.flatMap((f) => (f.geometry.type === "Polygon" ? f.geometry.coordinates[0] : [])),
  ];
  const [w, s, e, n] = bboxOf(extent);
  // Open on the densest part of town (downtown), not the middle of the bounding box.
  const center = townCenter(osm);
  const manifest = ZCityPackManifest.parse({
    id: config.id,
    name: config.name,
    attribution: config.attribution,
    center: [round6(center[0]), round6(center[1])],
    zoom: config.zoom,
    bounds: [round6(w), round6(s), round6(e), round6(n)],
    seed: config.seed,
  });

  const { substations, feeders } = generateGrid(osm, segments, center, random("grid"), config.scale?.substations);
  const stations = generateStations(
    osm,
    segments,
    { townName: config.townName, center, utilityNear: substations[0]?.position },
    random("stations"),
  );
  const parking = buildParking(osm);
  const units = generateUnits(stations, config.scale?.fleet);
  // Bins make up whatever the other sensors leave of a metro's total.
  const binCount = config.scale
    ? Math.max(0, config.scale.sensorEntities - segments.length - parking.length - substations.length - feeders.length - units.length)
    : config.binCount;
  const entities = ZCityEntities.parse({
    segments,
    parking,
    bins: generateBins(osm, segments, random("bins"), { total: binCount }),
    substations,
    feeders,
    stations,
    units,
  });
  const problems = checkEntities(entities);
  if (problems.length > 0) throw new Error(`City pack ${config.id} is inconsistent:\n  ${problems.join("\n  ")}`);

  const { tileset, source } = planBasemap(basemap);
  return { manifest, entities, basemap, basemapTiles: tileset, style: buildStyle(manifest, source) };
}
