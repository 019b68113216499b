import { PolygonLayer } from "@deck.gl/layers";
import type { TLayer } from "@/lib/contracts/layers";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { declaredLevelRule } from "@/lib/live/declared-attention";
import type { TCitySummaries, TLevelCounts } from "@/lib/contracts/realtime";
import type { TLonLat } from "@/lib/geo";
import { MAP_COLOR, rgbaOf } from "@/lib/design/tokens";
import { TILED_LAYERS, type TTiledLayer } from "@/lib/live/tile-index";
import { tileRing } from "@/lib/live/tiles";
import { ATTENTION_LEVEL_RGB, NO_DATA_RGBA, rampColor, type TRamp, type TRgba } from "./color-scales";
import { DECK_LAYER_ID } from "./deck-layer-ids";

/** One tile's square at city zoom and its counts per tiled layer and subscribed declared domain. */
export type TAreaSummary = {
  tile: string;
  ring: TLonLat[];
  layers: Partial<Record<TTiledLayer, TLevelCounts>>;
  declared?: Record<string, TLevelCounts>;
};

/**
 * What the squares are coloured by: the built-in layers switched on, and the declared domains switched on whose
 * definition grades a reading (lib/live/declared-attention.ts; one that does not is counted in the tooltip only).
 */
export type TAreaShown = { layers: ReadonlySet<TLayer>; domains: ReadonlySet<string> };

const NO_DOMAINS: ReadonlySet<string> = new Set();

/** The declared domains switched on that colour the squares: those whose definition grades a reading. */
export function gradedDomains(definitions: readonly Pick<TDomainDefinition, "id" | "rules" | "map">[], visible: ReadonlySet<string>) {
  return new Set(definitions.filter((d) => visible.has(d.id) && declaredLevelRule(d) !== null).map((d) => d.id));
}

/** Average attention level 0 (fine) … 3 (critical) over a ramp of the four level colours. */
export const AREA_LEVEL_RAMP: TRamp = ATTENTION_LEVEL_RGB.map((rgb, level) => [level / 3, rgb] as const);
/** A fine area stays faint over the basemap; the worse it is, the more it covers. */
const FINE_ALPHA = 45;
const CRITICAL_ALPHA = 190;
const NO_READINGS_ALPHA = 40;

export function areaSummaries(summaries: TCitySummaries | null): TAreaSummary[] {
  return (summaries?.tiles ?? []).map(({ tile, layers, declared }) => ({
    tile,
    ring: tileRing(tile),
    layers,
    ...(declared && { declared }),
  }));
}

/** The mean attention level (0–3) of the readings of the shown layers and domains in the area; null without any. */
export function meanLevel(area: Pick<TAreaSummary, "layers" | "declared">, shown: TAreaShown): number | null {
  let readings = 0;
  let sum = 0;
  const add = ([, fine, elevated, high, critical]: TLevelCounts) => {
    readings += fine + elevated + high + critical;
    sum += elevated + 2 * high + 3 * critical;
  };
  for (const layer of TILED_LAYERS) {
    const counts = area.layers[layer];
    if (counts && shown.layers.has(layer)) add(counts);
  }
  for (const domain of shown.domains) {
    const counts = area.declared?.[domain];
    if (counts) add(counts);
  }
  return readings === 0 ? null : sum / readings;
}

export function areaColor(area: Pick<TAreaSummary, "layers" | "declared">, shown: TAreaShown): TRgba {
  const mean = meanLevel(area, shown);
  if (mean === null) return [NO_DATA_RGBA[0], NO_DATA_RGBA[1], NO_DATA_RGBA[2], NO_READINGS_ALPHA];
  return rampColor(AREA_LEVEL_RAMP, mean / 3, Math.round(FINE_ALPHA + ((CRITICAL_ALPHA - FINE_ALPHA) * mean) / 3));
}

/**
 * Zoomed out over more of the city than a browser is sent one by one, each tile is a square coloured by the
 * average state of its sensors on the layers (and declared domains) switched on; hovering one lists its counts.
 */
export function createAreaSummaryLayer(
  areas: readonly TAreaSummary[],
  layers: ReadonlySet<TLayer>,
  visible: boolean,
  domains: ReadonlySet<string> = NO_DOMAINS,
) {
  const shown: TAreaShown = { layers, domains };
  const shownKey = `${[...layers].sort().join(",")}|${[...domains].sort().join(",")}`;
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
