import type { Color, Layer } from "@deck.gl/core";
import { HeatmapLayer, HexagonLayer } from "@deck.gl/aggregation-layers";
import { HOTSPOT_COLORS as HOTSPOT_HEX, rgbOf } from "@/lib/design/tokens";
import type { THotspotStyle } from "./analysis-params";

type TPoint = [number, number];

export const HOTSPOT_LAYER_ID = { heatmap: "analysis-heatmap", hexagon: "analysis-hexagons" } as const;

export const HOTSPOT_COLORS: Color[] = HOTSPOT_HEX.map((hex) => [...rgbOf(hex)]);
/** Hexagons about a city block across. */
const HEXAGON_RADIUS_M = 100;
const HEATMAP_RADIUS_PX = 48;

export function buildHotspotLayers(points: TPoint[], style: THotspotStyle): Layer[] {
  if (style === "hexagon") {
    return [
      new HexagonLayer<TPoint>({
        id: HOTSPOT_LAYER_ID.hexagon,
        data: points,
        getPosition: (point) => point,
        radius: HEXAGON_RADIUS_M,
        coverage: 0.88,
        extruded: false,
        colorRange: HOTSPOT_COLORS,
        opacity: 0.6,
        pickable: true,
        // CPU bins: picking then reports each cell's count.
        gpuAggregation: false,
      }),
    ];
  }
  return [
    new HeatmapLayer<TPoint>({
      id: HOTSPOT_LAYER_ID.heatmap,
      data: points,
      getPosition: (point) => point,
      radiusPixels: HEATMAP_RADIUS_PX,
      intensity: 1,
      threshold: 0.04,
      colorRange: HOTSPOT_COLORS,
    }),
  ];
}
