import type { TLonLat } from "@/lib/geo";

type TFeature =
  | { type: "Feature"; properties: { kind: "route" }; geometry: { type: "LineString"; coordinates: TLonLat[] } }
  | { type: "Feature"; properties: { kind: "incident" | "unit" }; geometry: { type: "Point"; coordinates: TLonLat } };

type TAssignmentMapData = { type: "FeatureCollection"; features: TFeature[] };

/** The route line, the incident and the unit as one GeoJSON source. */
export function assignmentMapData(incident: TLonLat, route: readonly TLonLat[], unit: TLonLat | null): TAssignmentMapData {
  const features: TFeature[] = [];
  if (route.length >= 2)
    features.push({ type: "Feature", properties: { kind: "route" }, geometry: { type: "LineString", coordinates: [...route] } });
  if (unit) features.push({ type: "Feature", properties: { kind: "unit" }, geometry: { type: "Point", coordinates: unit } });
  features.push({ type: "Feature", properties: { kind: "incident" }, geometry: { type: "Point", coordinates: incident } });
  return { type: "FeatureCollection", features };
}

/** [[west, south], [east, north]] around everything drawn, so the whole drive fits the small map. */
export function boundsOf(points: readonly TLonLat[]): [TLonLat, TLonLat] {
  let [west, south] = points[0];
  let [east, north] = points[0];
  for (const [lon, lat] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [
    [west, south],
    [east, north],
  ];
}
