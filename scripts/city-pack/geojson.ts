import { roundLonLat, type TLonLat } from "@/lib/geo";
import { isClosedWay, wayCoords, type TOsmData, type TOsmWay } from "./read-osm";

/** The few GeoJSON shapes the basemap writes (RFC 7946). */
export type TGeometry =
  | { type: "Point"; coordinates: TLonLat }
  | { type: "LineString"; coordinates: TLonLat[] }
  | { type: "Polygon"; coordinates: TLonLat[][] };
export type TProperties = Record<string, string | number | boolean>;
export type TFeature = { type: "Feature"; id?: number; geometry: TGeometry; properties: TProperties };
export type TFeatureCollection = { type: "FeatureCollection"; features: TFeature[] };

export function featureCollection(features: TFeature[]): TFeatureCollection {
  return { type: "FeatureCollection", features };
}

/** Drops undefined and empty values so the files stay small. */
export function feature(geometry: TGeometry, properties: Record<string, string | number | boolean | undefined>): TFeature {
  const props: TProperties = {};
  for (const [k, v] of Object.entries(properties)) if (v !== undefined && v !== "") props[k] = v;
  return { type: "Feature", geometry, properties: props };
}

export function lineOf(osm: TOsmData, way: TOsmWay): TGeometry | undefined {
  if (way.nodeIds.length < 2) return undefined;
  return { type: "LineString", coordinates: wayCoords(osm, way).map(roundLonLat) };
}

export function polygonOf(osm: TOsmData, way: TOsmWay): TGeometry | undefined {
  if (!isClosedWay(way)) return undefined;
  return { type: "Polygon", coordinates: [wayCoords(osm, way).map(roundLonLat)] };
}
