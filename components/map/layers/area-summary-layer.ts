import { PolygonLayer } from "@deck.gl/layers";
import type { TLayer } from "@/lib/contracts/layers";
import type { TCitySummaries, TLevelCounts } from "@/lib/contracts/realtime";
import type { TLonLat } from "@/lib/geo";
import { MAP_COLOR, rgbaOf } from "@/lib/design/tokens";
import { TILED_LAYERS, type TTiledLayer } from "@/lib/live/tile-index";
import { tileRing } from "@/lib/live/tiles";
import { ATTENTION_LEVEL_RGB, NO_DATA_RGBA, rampColor, type TRamp, type TRgba } from "./color-scales";
import { DECK_LAYER_ID } from "./deck-layer-ids";

/** One tile's square at city zoom and its counts per tiled layer. */
export type TAreaSummary = { tile: string; ring: TLonLat[]; layers: Partial<Record<TTiledLayer, TLevelCounts>> };

/** Average attention level 0 (fine) … 3 (critical) over a ramp of the four level colours. */
export const AREA_LEVEL_RAMP: TRamp = ATTENTION_LEVEL_RGB.map((rgb, level) => [level / 3, rgb] as const);
/** A fine area stays faint over the basemap; the worse it is, the more it covers. */
const FINE_ALPHA = 45;
const CRITICAL_ALPHA = 190;
const NO_READINGS_ALPHA = 40;

export function areaSummaries(summaries: TCitySummaries | null): TAreaSummary[] {
  return (summaries?.tiles ?? []).map(({ tile, layers }) => ({ tile, ring: tileRing(tile), layers }));
}

/** The mean attention level (0–3) of the readings of the shown layers in the area; null without any. */
export function meanLevel(area: Pick<TAreaSummary, "layers">, shown: ReadonlySet<TLayer>): number | null {
  let readings = 0;
  let sum = 0;
  for (const layer of TILED_LAYERS) {
    const counts = area.layers[layer];
    if (!counts || !shown.has(layer)) continue;
    const [, fine, elevated, high, critical] = counts;
    readings += fine + elevated + high + critical;
    sum += elevated + 2 * high + 3 * critical;
  }
  return readings === 0 ? null : sum / readings;
}

export function areaColor(area: Pick<TAreaSummary, "layers">, shown: ReadonlySet<TLayer>): TRgba {
  const mean = meanLevel(area, shown);
  if (mean === null) return [NO_DATA_RGBA[0], NO_DATA_RGBA[1], NO_DATA_RGBA[2], NO_READINGS_ALPHA];
  return rampColor(AREA_LEVEL_RAMP, mean / 3, Math.round(FINE_ALPHA + ((CRITICAL_ALPHA - FINE_ALPHA) * mean) / 3));
}

/**
 * Zoomed out over more of the city than a browser is sent one by one, each tile is a square coloured by the
 * average state of its sensors on the layers switched on; hovering one lists its counts per layer.
 */
export function createAreaSummaryLayer(areas: readonly TAreaSummary[], shown: ReadonlySet<TLayer>, visible: boolean) {
  const shownKey = [...shown].sort().join(",");
  return new PolygonLayer<TAreaSummary>({
    id: DECK_LAYER_ID.areaSummaries,
    data: areas,
    visible,
    pickable: true,
    stroked: true,
    filled: true,
    lineWidthUnits: "pixels",
    getPolygon: (area) => area.ring,
    getFillColor: (area) => areaColor(area, shown),
    getLineColor: rgbaOf(MAP_COLOR.markerRim, 120),
    getLineWidth: 1,
    updateTriggers: { getFillColor: shownKey },
  });
}
