import { z } from "zod";
import { ZUnitType } from "./events";

/**
 * A "city pack" is everything CityNerve knows about one city's static assets.
 * It lives in public/city/<packId>/ (pack.json, entities.json, basemap GeoJSON,
 * style.json) so the server reads it from disk and the browser fetches the same files.
 * Another city replaces the folder; nothing else changes.
 */
const ZLonLat = z.tuple([z.number(), z.number()]);
const ZLine = z.array(ZLonLat).min(2);

export const ZCityPackManifest = z.object({
  id: z.string(),
  name: z.string(),
  attribution: z.string(),
  center: ZLonLat,
  zoom: z.number(),
  /** [west, south, east, north] */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** Seed used to generate what the source data lacks (bins, grid, stations). */
  seed: z.number().int(),
});

export const ROAD_CLASSES = ["motorway", "trunk", "primary", "secondary", "tertiary", "residential", "unclassified", "service"] as const;

export const ZRoadSegment = z.object({
  id: z.string(),
  name: z.string().optional(),
  roadClass: z.enum(ROAD_CLASSES),
  /** Graph node ids at either end (OSM node ids as strings), for routing and congestion spread. */
  from: z.string(),
  to: z.string(),
  oneway: z.boolean(),
  lanes: z.number().int().min(1),
  freeFlowKmh: z.number().positive(),
  /** Vehicles per hour the segment carries at capacity. */
  capacityVph: z.number().positive(),
  lengthM: z.number().positive(),
  coords: ZLine,
});

export const ZParkingLot = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.number().int().min(1),
  position: ZLonLat,
});

export const ZWasteBin = z.object({
  id: z.string(),
  street: z.string().optional(),
  position: ZLonLat,
  /** Litres */
  volumeL: z.number().positive(),
});

export const ZSubstation = z.object({
  id: z.string(),
  name: z.string(),
  position: ZLonLat,
  capacityKw: z.number().positive(),
  voltageV: z.number().positive(),
});

export const ZFeeder = z.object({
  id: z.string(),
  substationId: z.string(),
  name: z.string(),
  capacityKw: z.number().positive(),
  coords: ZLine,
});

export const ZStation = z.object({
  id: z.string(),
  name: z.string(),
  type: ZUnitType,
  position: ZLonLat,
});

export const ZUnit = z.object({
  id: z.string(),
  callSign: z.string(),
  type: ZUnitType,
  stationId: z.string(),
});

export const ZCityEntities = z.object({
  segments: z.array(ZRoadSegment),
  parking: z.array(ZParkingLot),
  bins: z.array(ZWasteBin),
  substations: z.array(ZSubstation),
  feeders: z.array(ZFeeder),
  stations: z.array(ZStation),
  units: z.array(ZUnit),
});

export type TCityPackManifest = z.infer<typeof ZCityPackManifest>;
export type TRoadSegment = z.infer<typeof ZRoadSegment>;
export type TParkingLot = z.infer<typeof ZParkingLot>;
export type TWasteBin = z.infer<typeof ZWasteBin>;
export type TSubstation = z.infer<typeof ZSubstation>;
export type TFeeder = z.infer<typeof ZFeeder>;
export type TStation = z.infer<typeof ZStation>;
export type TUnit = z.infer<typeof ZUnit>;
export type TCityEntities = z.infer<typeof ZCityEntities>;

export function cityPackUrl(packId: string, file: string): string {
  return `/city/${encodeURIComponent(packId)}/${file}`;
}
