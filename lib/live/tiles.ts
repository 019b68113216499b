import { z } from "zod";
import type { TLonLat } from "@/lib/geo";

/**
 * The live map's fixed grid: web-mercator tiles at one zoom. A browser subscribes to the tiles its viewport
 * covers, the hub encodes each flush's changes once per tile, and at city zoom the same tiles are the cells whose
 * summaries are drawn. At latitude 42° a tile is about 1.8 × 1.8 km: Three Rivers spans 6 of them, the metro ~80.
 */
export const TILE_ZOOM = 14;
const TILES_PER_SIDE = 2 ** TILE_ZOOM;
/** Web mercator's latitude limit. */
const MAX_LAT = 85.05112878;

/** "x/y" of a tile at TILE_ZOOM. */
export type TTileKey = string;
/** [west, south, east, north] in degrees. */
export type TBbox = [number, number, number, number];

export const ZBbox = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .refine(([west, south, east, north]) => west <= east && south <= north, "bbox must be [west, south, east, north]");

export const ZTileKey = z.string().regex(/^\d{1,6}\/\d{1,6}$/);

const clampIndex = (value: number) => Math.min(TILES_PER_SIDE - 1, Math.max(0, Math.floor(value)));

function tileX(lon: number): number {
  return clampIndex(((lon + 180) / 360) * TILES_PER_SIDE);
}

function tileY(lat: number): number {
  const rad = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return clampIndex(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * TILES_PER_SIDE);
}

export function tileKeyOf([lon, lat]: TLonLat): TTileKey {
  return `${tileX(lon)}/${tileY(lat)}`;
}

function lonOf(x: number): number {
  return (x / TILES_PER_SIDE) * 360 - 180;
}

function latOf(y: number): number {
  const n = Math.PI - (2 * Math.PI * y) / TILES_PER_SIDE;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

export function parseTileKey(key: TTileKey): { x: number; y: number } {
  const [x, y] = key.split("/").map(Number);
  return { x: x!, y: y! };
}

export function tileBbox(key: TTileKey): TBbox {
  const { x, y } = parseTileKey(key);
  return [lonOf(x), latOf(y + 1), lonOf(x + 1), latOf(y)];
}

/** The tile's outline as a closed ring, for drawing it. */
export function tileRing(key: TTileKey): TLonLat[] {
  const [west, south, east, north] = tileBbox(key);
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

/** Every tile the box touches (edges included), as a range: callers intersect it with the tiles that hold something. */
export function tileRangeOf([west, south, east, north]: TBbox): { minX: number; maxX: number; minY: number; maxY: number } {
  return { minX: tileX(west), maxX: tileX(east), minY: tileY(north), maxY: tileY(south) };
}

export function isTileInRange(key: TTileKey, range: ReturnType<typeof tileRangeOf>): boolean {
  const { x, y } = parseTileKey(key);
  return x >= range.minX && x <= range.maxX && y >= range.minY && y <= range.maxY;
}

/** The box grown by `share` of its width and height on every side (what is just off-screen loads before it is panned in). */
export function padBbox([west, south, east, north]: TBbox, share: number): TBbox {
  const dx = (east - west) * share;
  const dy = (north - south) * share;
  return [Math.max(-180, west - dx), Math.max(-90, south - dy), Math.min(180, east + dx), Math.min(90, north + dy)];
}

/**
 * The one point that places an entity in a tile: its position, or a line's middle vertex (the mean of the two
 * middle ones for an even count). Cheap, inside the line's box, and the same on the server and in the browser.
 */
export function anchorOf(entity: { position: TLonLat } | { coords: readonly TLonLat[] }): TLonLat {
  if ("position" in entity) return entity.position;
  const { coords } = entity;
  const mid = coords.length >> 1;
  if (coords.length % 2 === 1) return coords[mid]!;
  const a = coords[mid - 1]!;
  const b = coords[mid]!;
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
