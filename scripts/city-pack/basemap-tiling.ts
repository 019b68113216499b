import type { TBasemap } from "./build-basemap";
import { basemapMinZooms, featureMinZoom, type TBasemapSource } from "./build-style";
import { BASEMAP_TILES, buildVectorTiles, type TVectorTileset } from "./build-vector-tiles";

/**
 * Above this much GeoJSON a pack's basemap is cut into vector tiles: MapLibre must
 * download and parse every GeoJSON file before the style counts as loaded, while tiles
 * come in as the view needs them. Three Rivers (~230 KB) stays GeoJSON; the generated
 * metro (~8 MB) and any imported city of that size get tiles.
 */
export const TILED_BASEMAP_MIN_BYTES = 2 * 1024 * 1024;

/** The size of the basemap's GeoJSON files as writeCityPack writes them. */
export function basemapBytes(basemap: TBasemap): number {
  return Object.values(basemap).reduce((sum, collection) => sum + Buffer.byteLength(`${JSON.stringify(collection)}\n`), 0);
}

/** Whether the basemap gets tiles, the tiles if so, and the style's source for it. */
export function planBasemap(
  basemap: TBasemap,
  minBytes = TILED_BASEMAP_MIN_BYTES,
): { tileset: TVectorTileset | null; source: TBasemapSource } {
  if (basemapBytes(basemap) < minBytes) return { tileset: null, source: { kind: "geojson" } };
  const tileset = buildVectorTiles(basemap, basemapMinZooms(), BASEMAP_TILES, featureMinZoom);
  const { bounds, minZoom, maxZoom } = tileset;
  return { tileset, source: { kind: "tiles", template: BASEMAP_TILES.template, bounds, minZoom, maxZoom } };
}
