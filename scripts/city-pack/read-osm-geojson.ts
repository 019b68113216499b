import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { pipeline } from "node:stream";
import pick from "stream-json/filters/pick.js";
import streamArray from "stream-json/streamers/stream-array.js";
import { z } from "zod";
import type { TOsmElement } from "./collect-osm";
import { OsmInputError } from "./osm-input-error";
import type { TReadProgress } from "./read-progress";
import type { TTags } from "./read-osm";

/** A lone Feature (no "features" array to stream) is read whole, up to this size. */
const MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024;

const ZPosition = z.array(z.number()).min(2);
const ZGeometry = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Point"), coordinates: ZPosition }),
  z.object({ type: z.literal("MultiPoint"), coordinates: z.array(ZPosition) }),
  z.object({ type: z.literal("LineString"), coordinates: z.array(ZPosition) }),
  z.object({ type: z.literal("MultiLineString"), coordinates: z.array(z.array(ZPosition)) }),
  z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(ZPosition)) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(ZPosition))) }),
  z.object({ type: z.literal("GeometryCollection") }),
]);
const ZFeature = z.object({
  type: z.literal("Feature"),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: ZGeometry.nullable(),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
});
const ZGeoJson = z.union([z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) }), ZFeature]);

type TFeature = z.infer<typeof ZFeature>;
type TPosition = number[];

/**
 * OSM tags of a feature: osmtogeojson nests them under `properties.tags`; Overpass
 * turbo and most tools flatten them into `properties` beside "@id"-style metadata.
 */
function tagsOf(properties: Record<string, unknown> | null | undefined): TTags {
  const source =
    properties?.tags && typeof properties.tags === "object" ? (properties.tags as Record<string, unknown>) : (properties ?? {});
  const tags: TTags = {};
  for (const [k, v] of Object.entries(source)) {
    if (k.startsWith("@")) continue;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") tags[k] = String(v);
  }
  return tags;
}

/** "way/123" (osmtogeojson's feature id, Overpass turbo's "@id") → 123. */
function osmIdOf(feature: TFeature, type: "node" | "way"): number | undefined {
  for (const raw of [feature.id, feature.properties?.["@id"]]) {
    const m = typeof raw === "string" ? raw.match(/^(node|way|relation)\/(\d+)$/) : null;
    if (m) return m[1] === type ? Number(m[2]) : undefined;
  }
  return undefined;
}

/**
 * Turns GeoJSON features into OSM elements: lines and polygon rings become ways,
 * points tagged nodes. GeoJSON has no shared nodes, so line vertices at the same
 * position (7 decimals, OSM's precision) become one node: that is where streets
 * meet. Ids taken from "way/123" when present; made-up ones are negative, as OSM
 * editors number objects that are not in the database.
 */
export async function readOsmGeoJson(file: string, onElement: (el: TOsmElement) => void, progress: TReadProgress): Promise<void> {
  const addFeature = featureReader(file, onElement);
  // A FeatureCollection streams feature by feature, so its size is not bounded by memory.
  const source = createReadStream(file);
  const features = pipeline(source, pick.withParserAsStream({ filter: "features" }), streamArray.asStream(), () => {});
  let count = 0;
  try {
    for await (const { value } of features as AsyncIterable<{ value: unknown }>) {
      addFeature(value, count++);
      progress(source.bytesRead, count);
    }
  } catch (error) {
    if (error instanceof OsmInputError) throw error;
    throw new OsmInputError(`${file} is not valid GeoJSON (after ${count.toLocaleString("en-US")} features): ${(error as Error).message}`);
  }
  if (count > 0) return;

  if ((await stat(file)).size > MAX_WHOLE_FILE_BYTES)
    throw new OsmInputError(`${file} has no "features" array: expected a GeoJSON FeatureCollection`);
  const top = ZGeoJson.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!top.success) throw new OsmInputError(`${file} is JSON but not a GeoJSON Feature or FeatureCollection`);
  if (top.data.type === "Feature") addFeature(top.data, 0);
}

function featureReader(file: string, onElement: (el: TOsmElement) => void): (raw: unknown, index: number) => void {
  let nextMadeUpId = -1;
  const usedWayIds = new Set<number>();
  const vertexIds = new Map<string, number>();
  const vertex = ([lon, lat]: TPosition): number => {
    const key = `${lon.toFixed(7)},${lat.toFixed(7)}`;
    let id = vertexIds.get(key);
    if (id === undefined) {
      id = nextMadeUpId--;
      vertexIds.set(key, id);
      onElement({ type: "node", id, lon, lat, tags: {} });
    }
    return id;
  };
  const way = (feature: TFeature, coords: TPosition[], tags: TTags): number => {
    const refs = coords.map(vertex);
    const osmId = osmIdOf(feature, "way");
    const id = osmId !== undefined && !usedWayIds.has(osmId) ? osmId : nextMadeUpId--;
    usedWayIds.add(id);
    onElement({ type: "way", id, refs, tags });
    return id;
  };
  const polygon = (feature: TFeature, rings: TPosition[][], tags: TTags) => {
    if (rings.length === 1) return void way(feature, rings[0], tags);
    const members = rings.map((ring, i) => ({ type: "way", ref: way(feature, ring, {}), role: i === 0 ? "outer" : "inner" }));
    onElement({ type: "relation", id: nextMadeUpId--, members, tags: { ...tags, type: "multipolygon" } });
  };

  return (raw, index) => {
    const parsed = ZFeature.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new OsmInputError(`${file} feature ${index}: ${issue.path.join(".") || "(feature)"}: ${issue.message}`);
    }
    const feature = parsed.data;
    const g = feature.geometry;
    const tags = tagsOf(feature.properties);
    if (!g || g.type === "GeometryCollection") return;
    if (g.type === "Point" || g.type === "MultiPoint") {
      for (const [lon, lat] of g.type === "Point" ? [g.coordinates] : g.coordinates) {
        const osmId = osmIdOf(feature, "node");
        onElement({ type: "node", id: g.type === "Point" && osmId !== undefined ? osmId : nextMadeUpId--, lon, lat, tags });
      }
    } else if (g.type === "LineString") way(feature, g.coordinates, tags);
    else if (g.type === "MultiLineString") for (const line of g.coordinates) way(feature, line, tags);
    else if (g.type === "Polygon") polygon(feature, g.coordinates, tags);
    else for (const rings of g.coordinates) polygon(feature, rings, tags);
  };
}
