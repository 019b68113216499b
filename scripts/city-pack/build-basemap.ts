import { ringAreaM2, ringCentroid, roundLonLat } from "@/lib/geo";
import { feature, featureCollection, lineOf, polygonOf, type TFeature, type TFeatureCollection } from "./geojson";
import { isClosedWay, wayCoords, type TOsmData, type TOsmWay, type TTags } from "./read-osm";
import { toRoadClass } from "./road-classes";

/**
 * Background map layers as GeoJSON, one file per kind, read by style.json. These
 * are for drawing only; the simulation uses entities.json.
 */
export type TBasemap = {
  roads: TFeatureCollection;
  buildings: TFeatureCollection;
  water: TFeatureCollection;
  landuse: TFeatureCollection;
  pois: TFeatureCollection;
};

const AREA_KINDS: Record<string, ReadonlySet<string>> = {
  landuse: new Set([
    "cemetery",
    "recreation_ground",
    "industrial",
    "commercial",
    "retail",
    "residential",
    "farmland",
    "farmyard",
    "grass",
    "meadow",
    "forest",
    "village_green",
    "railway",
  ]),
  leisure: new Set([
    "park",
    "pitch",
    "playground",
    "swimming_pool",
    "track",
    "garden",
    "golf_course",
    "nature_reserve",
    "sports_centre",
    "recreation_ground",
  ]),
  amenity: new Set(["school", "parking", "college", "university", "kindergarten", "hospital", "grave_yard"]),
  natural: new Set(["wood", "scrub", "wetland", "grassland", "heath", "beach", "sand"]),
  aeroway: new Set(["aerodrome", "apron"]),
};

/** Civic places the operators look for first get the lowest rank (drawn first, kept when labels collide). */
const POI_RANK: Record<string, number> = {
  townhall: 1,
  fire_station: 1,
  police: 1,
  hospital: 1,
  clinic: 1,
  school: 2,
  library: 2,
  post_office: 2,
  aerodrome: 2,
  park: 3,
  island: 3,
  cemetery: 3,
};

function areaKind(tags: TTags): string | undefined {
  for (const [key, kinds] of Object.entries(AREA_KINDS)) if (kinds.has(tags[key])) return tags[key];
  return undefined;
}

function lineClass(tags: TTags): string | undefined {
  if (tags.highway) return toRoadClass(tags.highway) ?? tags.highway;
  if (tags.railway === "rail") return "rail";
  if (tags.aeroway === "runway" || tags.aeroway === "taxiway") return tags.aeroway;
  return undefined;
}

function buildRoads(osm: TOsmData): TFeatureCollection {
  const features: TFeature[] = [];
  for (const way of osm.ways.values()) {
    const cls = lineClass(way.tags);
    const geometry = cls && way.tags.area !== "yes" ? lineOf(osm, way) : undefined;
    if (!geometry) continue;
    features.push(
      feature(geometry, { class: cls, name: way.tags.name, ref: way.tags.ref, bridge: way.tags.bridge === "yes" || undefined }),
    );
  }
  return featureCollection(features);
}

function buildBuildings(osm: TOsmData): TFeatureCollection {
  const features: TFeature[] = [];
  for (const way of osm.ways.values()) {
    const geometry = way.tags.building && way.tags.building !== "no" ? polygonOf(osm, way) : undefined;
    if (geometry) features.push(feature(geometry, { kind: way.tags.building, name: way.tags.name }));
  }
  return featureCollection(features);
}

function waterPolygons(osm: TOsmData): TFeature[] {
  const features: TFeature[] = [];
  for (const way of osm.ways.values()) {
    const isWater = way.tags.natural === "water" || way.tags.waterway === "riverbank";
    const geometry = isWater ? polygonOf(osm, way) : undefined;
    if (geometry) features.push(feature(geometry, { kind: way.tags.water ?? "water", name: way.tags.name }));
  }
  for (const rel of osm.relations.values()) {
    if (rel.tags.type !== "multipolygon" || rel.tags.natural !== "water") continue;
    const ringsOf = (role: string) =>
      rel.members
        .filter((m) => m.type === "way" && m.role === role)
        .map((m) => osm.ways.get(m.id))
        .filter((w): w is TOsmWay => !!w && isClosedWay(w))
        .map((w) => wayCoords(osm, w).map(roundLonLat));
    const outers = ringsOf("outer");
    // Holes are only unambiguous with a single outer ring, which is all this extract has.
    const inners = outers.length === 1 ? ringsOf("inner") : [];
    for (const outer of outers) {
      features.push(
        feature({ type: "Polygon", coordinates: [outer, ...inners] }, { kind: rel.tags.water ?? "water", name: rel.tags.name }),
      );
    }
  }
  return features;
}

function buildWater(osm: TOsmData): TFeatureCollection {
  const lines: TFeature[] = [];
  for (const way of osm.ways.values()) {
    const kind = way.tags.waterway;
    if (!kind || kind === "riverbank" || way.tags.tunnel) continue;
    const geometry = lineOf(osm, way);
    if (geometry) lines.push(feature(geometry, { kind, name: way.tags.name }));
  }
  return featureCollection([...waterPolygons(osm), ...lines]);
}

function buildLanduse(osm: TOsmData): TFeatureCollection {
  const areas: { area: number; f: TFeature }[] = [];
  for (const way of osm.ways.values()) {
    const kind = way.tags.building ? undefined : areaKind(way.tags);
    const geometry = kind ? polygonOf(osm, way) : undefined;
    if (!kind || !geometry) continue;
    areas.push({ area: ringAreaM2(wayCoords(osm, way)), f: feature(geometry, { kind, name: way.tags.name }) });
  }
  // Largest first, so a school yard is drawn on top of the recreation ground around it.
  areas.sort((a, b) => b.area - a.area);
  return featureCollection(areas.map((a) => a.f));
}

function poiKind(tags: TTags): string | undefined {
  if (tags.amenity && tags.amenity !== "parking") return tags.amenity;
  if (tags.leisure === "park" || tags.leisure === "sports_centre") return tags.leisure;
  if (tags.tourism) return tags.tourism;
  if (tags.shop) return "shop";
  if (tags.office) return "office";
  if (tags.place && tags.place !== "city" && tags.place !== "town") return tags.place;
  if (tags.aeroway === "aerodrome") return "aerodrome";
  if (tags.landuse === "cemetery") return "cemetery";
  return undefined;
}

function buildPois(osm: TOsmData): TFeatureCollection {
  const features: TFeature[] = [];
  const add = (tags: TTags, position: [number, number]) => {
    const kind = tags.name ? poiKind(tags) : undefined;
    if (kind)
      features.push(feature({ type: "Point", coordinates: roundLonLat(position) }, { name: tags.name, kind, rank: POI_RANK[kind] ?? 4 }));
  };
  for (const node of osm.nodes.values()) add(node.tags, node.loc);
  for (const way of osm.ways.values()) if (isClosedWay(way)) add(way.tags, ringCentroid(wayCoords(osm, way)));
  return featureCollection(features);
}

export function buildBasemap(osm: TOsmData): TBasemap {
  return {
    roads: buildRoads(osm),
    buildings: buildBuildings(osm),
    water: buildWater(osm),
    landuse: buildLanduse(osm),
    pois: buildPois(osm),
  };
}
