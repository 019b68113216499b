import { GeoJSONVT } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import { bboxOf, type TLonLat } from "@/lib/geo";
import type { TFeatureCollection, TGeometry } from "./geojson";

/** Where a tiled basemap lies in its pack, and the zooms its tiles are cut at. */
export const BASEMAP_TILES = {
  /** Relative to the pack's folder; MapLibre fills in the placeholders. */
  template: "tiles/{z}/{x}/{y}.pbf",
  minZoom: 0,
  /** MapLibre overzooms these tiles above it; at extent 8192 a unit is still a pixel at zoom 18. */
  maxZoom: 14,
  /** As MapLibre's own GeoJSON sources cut theirs, so an overzoomed shape is as exact. */
  extent: 8192,
  buffer: 256,
} as const;

export type TVectorTileset = {
  /** Encoded tiles by "z/x/y"; a tile with nothing in it is an empty buffer, so no tile in bounds is a 404. */
  tiles: Map<string, Uint8Array>;
  /** [west, south, east, north] of every feature: MapLibre asks for no tile outside it. */
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
};

function positionsOf(geometry: TGeometry): TLonLat[] {
  if (geometry.type === "Point") return [geometry.coordinates];
  if (geometry.type === "LineString") return geometry.coordinates;
  return geometry.coordinates.flat();
}

/** Tile column and row of a position at zoom z (web mercator), clamped into the world. */
function tileOf([lon, lat]: TLonLat, z: number): [number, number] {
  const side = 2 ** z;
  const rad = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  const x = ((lon + 180) / 360) * side;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * side;
  const clamp = (v: number) => Math.min(side - 1, Math.max(0, Math.floor(v)));
  return [clamp(x), clamp(y)];
}

type TFeatureMinZoom = (layer: string, properties: Record<string, unknown> | null) => number;

/** A layer's features grouped by the zoom they start at, each group indexed for cutting. */
function indexesOf(name: string, collection: TFeatureCollection, layerMinZoom: number, featureMinZoom: TFeatureMinZoom, maxZoom: number) {
  const groups = new Map<number, TFeatureCollection["features"]>();
  for (const feature of collection.features) {
    const minZoom = Math.max(layerMinZoom, featureMinZoom(name, feature.properties));
    const group = groups.get(minZoom);
    if (group) group.push(feature);
    else groups.set(minZoom, [feature]);
  }
  const { extent, buffer } = BASEMAP_TILES;
  return [...groups].map(([minZoom, features]) => ({
    name,
    minZoom,
    index: new GeoJSONVT({ type: "FeatureCollection", features } as GeoJSON.FeatureCollection, { maxZoom, extent, buffer }),
  }));
}

/**
 * Cuts basemap layers into Mapbox vector tiles, one source layer per collection, from
 * minZoom to maxZoom over the features' bounds. A layer is left out of the tiles below its
 * zoom in `layerMinZoom` (the lowest zoom any style layer draws it at), and a feature below
 * the zoom `featureMinZoom` gives its kind, so the low-zoom tiles do not carry every
 * building, side street and car park of the city.
 */
export function buildVectorTiles(
  layers: Record<string, TFeatureCollection>,
  layerMinZoom: Record<string, number> = {},
  zooms: { minZoom: number; maxZoom: number } = BASEMAP_TILES,
  featureMinZoom: TFeatureMinZoom = () => 0,
): TVectorTileset {
  const { extent } = BASEMAP_TILES;
  const indexes = Object.entries(layers)
    .filter(([, collection]) => collection.features.length > 0)
    .flatMap(([name, collection]) => indexesOf(name, collection, layerMinZoom[name] ?? 0, featureMinZoom, zooms.maxZoom));
  const positions = Object.values(layers).flatMap((c) => c.features.flatMap((f) => positionsOf(f.geometry)));
  const bounds = positions.length > 0 ? bboxOf(positions) : ([0, 0, 0, 0] as [number, number, number, number]);
  const tiles = new Map<string, Uint8Array>();
  for (let z = zooms.minZoom; z <= zooms.maxZoom; z++) {
    const [x0, y0] = tileOf([bounds[0], bounds[3]], z);
    const [x1, y1] = tileOf([bounds[2], bounds[1]], z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        // A layer's groups share its source layer: their tiles' features (in the same tile coordinates) go together.
        const inTile: Record<string, NonNullable<ReturnType<GeoJSONVT["getTile"]>>> = {};
        for (const { name, minZoom, index } of indexes) {
          const tile = z >= minZoom ? index.getTile(z, x, y) : null;
          if (!tile || tile.features.length === 0) continue;
          const shared = inTile[name];
          if (shared) shared.features = [...shared.features, ...tile.features];
          else inTile[name] = { ...tile, features: [...tile.features] };
        }
        tiles.set(`${z}/${x}/${y}`, fromGeojsonVt(inTile, { version: 2, extent }));
      }
  }
  return { tiles, bounds, minZoom: zooms.minZoom, maxZoom: zooms.maxZoom };
}
