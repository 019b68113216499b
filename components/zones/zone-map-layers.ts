import type * as maplibregl from "maplibre-gl";
import { MAP_COLOR, ZONE_KIND_COLOR } from "@/lib/design/tokens";
import type { TZone } from "@/lib/contracts/zones";
import { zoneArea } from "@/lib/zone-geometry";
import { ZONE_KIND_LABEL } from "./zone-kinds";

export const ZONES_SOURCE = "zones";
export const ZONE_FILL_LAYER = "zones-fill";

/** The zones as one GeoJSON collection; the selected one is flagged so the layers can stress it. */
export function zoneFeatures(zones: readonly TZone[], selectedId: string | null): GeoJSON.FeatureCollection {
  return {
    type: "FeatureCollection",
    features: zones.map((zone) => ({
      type: "Feature",
      id: zone.id,
      geometry: zone.geometry,
      properties: {
        id: zone.id,
        label: `${zone.name}\n${ZONE_KIND_LABEL[zone.kind]}`,
        color: ZONE_KIND_COLOR[zone.kind],
        selected: zone.id === selectedId,
        // Where labels collide, the smaller (more specific) zone's name is the one shown.
        rank: zoneArea(zone.geometry),
      },
    })),
  };
}

/** Fill (for picking and a light tint), outline (dashed unless selected) and a name label per zone. */
export function addZoneLayers(map: maplibregl.Map): void {
  map.addSource(ZONES_SOURCE, { type: "geojson", data: zoneFeatures([], null) });
  const selected: maplibregl.ExpressionSpecification = ["==", ["get", "selected"], true];
  map.addLayer({
    id: ZONE_FILL_LAYER,
    type: "fill",
    source: ZONES_SOURCE,
    paint: { "fill-color": ["get", "color"], "fill-opacity": ["case", selected, 0.22, 0.06] },
  });
  map.addLayer({
    id: "zones-outline",
    type: "line",
    source: ZONES_SOURCE,
    paint: { "line-color": ["get", "color"], "line-width": ["case", selected, 3, 1.5] },
  });
  map.addLayer({
    id: "zones-label",
    type: "symbol",
    source: ZONES_SOURCE,
    layout: {
      "symbol-sort-key": ["get", "rank"],
      "text-field": ["get", "label"],
      "text-font": ["Noto Sans Regular"],
      "text-size": 12,
      "text-max-width": 12,
    },
    paint: { "text-color": MAP_COLOR.label, "text-halo-color": MAP_COLOR.casing, "text-halo-width": 1.5 },
  });
}
