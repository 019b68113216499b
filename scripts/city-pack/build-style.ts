import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from "maplibre-gl";
import { cityPackUrl, type TCityPackManifest } from "@/lib/contracts/city-pack";

/**
 * Dark "control room" MapLibre style over the pack's basemap (its GeoJSON files, or for a
 * big pack the vector tiles cut from them). The basemap stays quiet (low contrast, no
 * icons) so live data drawn on top stands out.
 */
export const FONT = "Noto Sans Regular";
const GLYPHS_URL = "/fonts/{fontstack}/{range}.pbf";
const BASEMAP_FILES = ["roads", "buildings", "water", "landuse", "pois"] as const;

const C = {
  background: "#0b1220",
  casing: "#070b13",
  building: "#182234",
  buildingOutline: "#212d42",
  water: "#0d2645",
  waterLabel: "#4d78a8",
  label: "#8d99ae",
  poiLabel: "#b4bfd2",
  halo: "#0b1220",
};

const ROAD_COLORS: [string, string][] = [
  ["motorway", "#7b87a1"],
  ["trunk", "#737f99"],
  ["primary", "#626f8b"],
  ["secondary", "#525f7a"],
  ["tertiary", "#465269"],
  ["residential", "#374259"],
  ["unclassified", "#374259"],
  ["service", "#293345"],
];

const LANDUSE_COLORS: [string[], string][] = [
  [["park", "recreation_ground", "garden", "village_green", "grass", "playground", "golf_course"], "#11231f"],
  [["pitch", "track", "sports_centre"], "#142a22"],
  [["wood", "forest", "scrub", "nature_reserve"], "#0f211b"],
  [["wetland"], "#0e1f27"],
  [["farmland", "meadow", "farmyard", "grassland", "heath"], "#0f1720"],
  [["cemetery", "grave_yard"], "#13201b"],
  [["industrial", "railway"], "#161a27"],
  [["commercial", "retail"], "#191829"],
  [["school", "college", "university", "kindergarten", "hospital"], "#1a1a2d"],
  [["parking"], "#141c2a"],
  [["aerodrome"], "#131a25"],
  [["apron"], "#1a2130"],
  [["swimming_pool"], "#123154"],
];

/**
 * ["match", ["get", prop], k1, v1, k2, v2, ..., fallback] built from a table. The
 * style-spec types cannot follow a spread of pairs, hence the cast; the style test
 * validates the result with MapLibre's own validator.
 */
function matchBy(prop: string, pairs: [string | string[], string | number][], fallback: string | number): ExpressionSpecification {
  return ["match", ["get", prop], ...pairs.flat(), fallback] as unknown as ExpressionSpecification;
}

/** Width in pixels at zoom 12 and zoom 18, interpolated exponentially between. */
function width(z12: number, z18: number): ExpressionSpecification {
  return ["interpolate", ["exponential", 1.6], ["zoom"], 12, z12, 18, z18];
}

const ROAD_WIDTH: Record<string, [number, number]> = {
  motorway: [2.5, 26],
  trunk: [2.2, 24],
  primary: [1.8, 20],
  secondary: [1.5, 17],
  tertiary: [1.2, 15],
  residential: [0.6, 12],
  unclassified: [0.6, 12],
  service: [0.3, 6],
};

/** Road width by class and zoom; `extra` pixels widen it for the casing. */
function roadWidth(extra = 0): ExpressionSpecification {
  const at = (i: 0 | 1, fallback: number) =>
    matchBy(
      "class",
      Object.entries(ROAD_WIDTH).map(([k, w]) => [k, w[i] + extra]),
      fallback + extra,
    );
  return ["interpolate", ["exponential", 1.6], ["zoom"], 12, at(0, 0.5), 18, at(1, 4)];
}

/**
 * The lowest zoom at which a kind of basemap feature is drawn, above its layer's: side streets from 13, service
 * roads and car parks from 14. At a city overview they are hairlines and specks, and in a metro most of a zoom-12
 * tile's features (what basemaps such as OpenMapTiles leave out there too). Tiles leave them out below it as well.
 */
const FEATURE_MIN_ZOOM: Record<string, { property: string; minZooms: Record<string, number> }> = {
  roads: { property: "class", minZooms: { residential: 13, unclassified: 13, service: 14 } },
  landuse: { property: "kind", minZooms: { parking: 14 } },
};

/** The zoom a feature of a basemap file is first drawn at, by its kind (0: at every zoom its layer draws). */
export function featureMinZoom(source: string, properties: Record<string, unknown> | null): number {
  const rule = FEATURE_MIN_ZOOM[source];
  const kind = rule && properties?.[rule.property];
  return (typeof kind === "string" && rule?.minZooms[kind]) || 0;
}

/** A style filter keeping a source's features from the zoom featureMinZoom gives them (MapLibre checks it per whole zoom). */
function fromFeatureMinZoom(source: string): ExpressionSpecification {
  const { property, minZooms } = FEATURE_MIN_ZOOM[source]!;
  return [">=", ["zoom"], matchBy(property, Object.entries(minZooms), 0)];
}

const DRIVABLE = ROAD_COLORS.map(([k]) => k);
const isClass = (classes: string[]): ExpressionSpecification => ["in", ["get", "class"], ["literal", classes]];

function layers(): LayerSpecification[] {
  const text = { "text-font": [FONT] };
  return [
    { id: "background", type: "background", paint: { "background-color": C.background } },
    {
      id: "landuse",
      type: "fill",
      source: "landuse",
      filter: fromFeatureMinZoom("landuse"),
      paint: {
        "fill-color": matchBy("kind", LANDUSE_COLORS, "#121a26"),
        "fill-antialias": true,
      },
    },
    { id: "water-area", type: "fill", source: "water", filter: ["==", ["geometry-type"], "Polygon"], paint: { "fill-color": C.water } },
    {
      id: "water-line",
      type: "line",
      source: "water",
      filter: ["==", ["geometry-type"], "LineString"],
      layout: { "line-cap": "round", "line-join": "round" },
      paint: {
        "line-color": C.water,
        "line-width": [
          "interpolate",
          ["exponential", 1.6],
          ["zoom"],
          12,
          ["match", ["get", "kind"], "river", 1.5, 0.8],
          18,
          ["match", ["get", "kind"], "river", 14, 5],
        ],
      },
    },
    {
      id: "buildings",
      type: "fill",
      source: "buildings",
      minzoom: 13,
      paint: {
        "fill-color": C.building,
        "fill-outline-color": C.buildingOutline,
        "fill-opacity": ["interpolate", ["linear"], ["zoom"], 13, 0.4, 15, 1],
      },
    },
    {
      id: "runway",
      type: "line",
      source: "roads",
      filter: isClass(["runway"]),
      paint: { "line-color": "#1d2535", "line-width": width(3, 40) },
    },
    {
      id: "taxiway",
      type: "line",
      source: "roads",
      filter: isClass(["taxiway"]),
      paint: { "line-color": "#1a2130", "line-width": width(1, 10) },
    },
    {
      id: "paths",
      type: "line",
      source: "roads",
      minzoom: 14,
      filter: ["!", isClass([...DRIVABLE, "rail", "runway", "taxiway"])],
      paint: { "line-color": "#2a3447", "line-width": width(0.4, 2.5), "line-dasharray": [2, 1.5] },
    },
    {
      id: "rail",
      type: "line",
      source: "roads",
      filter: isClass(["rail"]),
      paint: { "line-color": "#3a4254", "line-width": width(0.8, 3), "line-dasharray": [3, 2] },
    },
    {
      id: "road-casing",
      type: "line",
      source: "roads",
      minzoom: 13,
      filter: isClass(DRIVABLE.filter((k) => k !== "service")),
      layout: { "line-cap": "round", "line-join": "round" },
      paint: { "line-color": C.casing, "line-width": roadWidth(2), "line-opacity": 0.9 },
    },
    {
      id: "roads",
      type: "line",
      source: "roads",
      filter: ["all", isClass(DRIVABLE), fromFeatureMinZoom("roads")],
      layout: {
        "line-cap": "round",
        "line-join": "round",
        "line-sort-key": matchBy(
          "class",
          DRIVABLE.map((k, i) => [k, DRIVABLE.length - i]),
          0,
        ),
      },
      paint: {
        "line-color": matchBy("class", ROAD_COLORS, "#374259"),
        "line-width": roadWidth(),
      },
    },
    ...(["LineString", "Polygon"] as const).map(
      (geometry): LayerSpecification => ({
        id: `water-label-${geometry.toLowerCase()}`,
        type: "symbol",
        source: "water",
        minzoom: 13,
        filter: ["all", ["has", "name"], ["==", ["geometry-type"], geometry]],
        layout: {
          ...text,
          "text-field": ["get", "name"],
          "symbol-placement": geometry === "LineString" ? "line" : "point",
          "text-size": 11,
          "text-letter-spacing": 0.1,
          "symbol-spacing": 350,
        },
        paint: { "text-color": C.waterLabel, "text-halo-color": C.halo, "text-halo-width": 1.2 },
      }),
    ),
    {
      id: "road-label",
      type: "symbol",
      source: "roads",
      minzoom: 13,
      filter: ["all", ["has", "name"], isClass(DRIVABLE)],
      layout: {
        ...text,
        "text-field": ["get", "name"],
        "symbol-placement": "line",
        "text-size": ["interpolate", ["linear"], ["zoom"], 13, 9, 17, 13],
        "symbol-spacing": 300,
        "text-max-angle": 30,
        "symbol-sort-key": matchBy(
          "class",
          DRIVABLE.map((k, i) => [k, i]),
          99,
        ),
      },
      paint: { "text-color": C.label, "text-halo-color": C.halo, "text-halo-width": 1.4 },
    },
    {
      id: "poi-dot",
      type: "circle",
      source: "pois",
      minzoom: 14,
      filter: ["any", ["<=", ["get", "rank"], 2], [">=", ["zoom"], 16]],
      paint: { "circle-radius": 2.5, "circle-color": "#6f82a6", "circle-stroke-color": C.halo, "circle-stroke-width": 1 },
    },
    {
      id: "poi-label",
      type: "symbol",
      source: "pois",
      minzoom: 14,
      filter: ["any", ["<=", ["get", "rank"], 3], [">=", ["zoom"], 16]],
      layout: {
        ...text,
        "text-field": ["get", "name"],
        "text-size": ["interpolate", ["linear"], ["zoom"], 14, 10, 17, 12],
        "text-anchor": "top",
        "text-offset": [0, 0.6],
        "text-max-width": 9,
        "symbol-sort-key": ["get", "rank"],
      },
      paint: { "text-color": C.poiLabel, "text-halo-color": C.halo, "text-halo-width": 1.4 },
    },
  ];
}

/** How the style reaches the basemap: the GeoJSON files, or one vector source cut from them (see build-vector-tiles). */
export type TBasemapSource =
  | { kind: "geojson" }
  | { kind: "tiles"; template: string; bounds: [number, number, number, number]; minZoom: number; maxZoom: number };

export const BASEMAP_SOURCE_ID = "basemap";

/** The lowest zoom any style layer draws each basemap file at: its tiles need it no lower. */
export function basemapMinZooms(): Record<string, number> {
  const minZooms: Record<string, number> = {};
  for (const layer of layers())
    if ("source" in layer && typeof layer.source === "string")
      minZooms[layer.source] = Math.min(minZooms[layer.source] ?? Infinity, layer.minzoom ?? 0);
  return minZooms;
}

function geojsonSources(manifest: TCityPackManifest): StyleSpecification["sources"] {
  return Object.fromEntries(
    BASEMAP_FILES.map((name) => [
      name,
      { type: "geojson" as const, data: cityPackUrl(manifest.id, `${name}.geojson`), attribution: manifest.attribution },
    ]),
  );
}

/** Each layer drawn from a basemap file reads that file's source layer of the one vector source instead. */
function onVectorSource(layer: LayerSpecification): LayerSpecification {
  if (!("source" in layer) || typeof layer.source !== "string") return layer;
  return { ...layer, source: BASEMAP_SOURCE_ID, "source-layer": layer.source } as LayerSpecification;
}

export function buildStyle(manifest: TCityPackManifest, basemap: TBasemapSource = { kind: "geojson" }): StyleSpecification {
  const isTiled = basemap.kind === "tiles";
  const sources: StyleSpecification["sources"] = isTiled
    ? {
        [BASEMAP_SOURCE_ID]: {
          type: "vector",
          tiles: [cityPackUrl(manifest.id, basemap.template)],
          bounds: basemap.bounds,
          minzoom: basemap.minZoom,
          maxzoom: basemap.maxZoom,
          attribution: manifest.attribution,
        },
      }
    : geojsonSources(manifest);
  return {
    version: 8,
    name: `CityNerve dark · ${manifest.name}`,
    center: manifest.center,
    zoom: manifest.zoom,
    glyphs: GLYPHS_URL,
    sources,
    layers: isTiled ? layers().map(onVectorSource) : layers(),
  };
}
