"use client";

import type { TLayer } from "@/lib/contracts/layers";
import type { TLevelCounts } from "@/lib/contracts/realtime";
import { ATTENTION_LEVELS } from "@/lib/live/attention";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { declaredLevelRule } from "@/lib/live/declared-attention";
import { TILED_LAYERS } from "@/lib/live/tile-index";
import type { TAreaSummary } from "@/components/map/layers/area-summary-layer";
import { LAYER_META } from "@/components/map/layer-meta";
import { formatInt } from "@/components/format/number";
import {
  MapTooltip,
  MapTooltipNote,
  MapTooltipPhrases,
  MapTooltipRows,
  type TMapBounds,
  type TMapTooltipTone,
} from "@/components/ui/map-tooltip";

export type TAreaSummaryHover = { area: TAreaSummary; x: number; y: number };

/** "12 critical", "3 high"… the worst level any reading reached, and how many reached it; "all fine" otherwise. */
function worstOf([, ...levels]: TLevelCounts): string {
  for (let level = levels.length - 1; level > 0; level--)
    if (levels[level]! > 0) return `${formatInt(levels[level]!)} ${ATTENTION_LEVELS[level]}`;
  return levels[0]! > 0 ? "all fine" : "no readings yet";
}

/** The worst level's colour, on top of its words: critical and high readings stand out in the list. */
function toneOf([, , , high, critical]: TLevelCounts): TMapTooltipTone | undefined {
  return critical > 0 ? "alert" : high > 0 ? "warn" : undefined;
}

/** "12 of 40 sensors reporting". */
function reportingOf([entities, ...levels]: TLevelCounts): string {
  const reporting = levels.reduce((sum, n) => sum + n, 0);
  return `${formatInt(reporting)} of ${formatInt(entities)} ${entities === 1 ? "sensor" : "sensors"} reporting`;
}

type TAreaSummaryTooltipProps = TAreaSummaryHover & {
  bounds?: TMapBounds;
  shown: ReadonlySet<TLayer>;
  /** The declared domains switched on: a row each where the square holds their sensors. */
  shownDomains?: readonly TDomainDefinition[];
};

/**
 * Beside the pointer over a zoomed-out square: per layer and declared domain shown, how many sensors report and the
 * worst state among them (a domain whose definition grades no reading: how many report).
 */
export function AreaSummaryTooltip({ area, x, y, bounds, shown, shownDomains = [] }: TAreaSummaryTooltipProps) {
  const rowOf = (label: string, counts: TLevelCounts, isGraded: boolean) => ({
    label,
    value: <MapTooltipPhrases phrases={isGraded ? [reportingOf(counts), worstOf(counts)] : [reportingOf(counts)]} />,
    tone: isGraded ? toneOf(counts) : undefined,
  });
  const rows = [
    ...TILED_LAYERS.filter((layer) => shown.has(layer) && area.layers[layer]).map((layer) =>
      rowOf(LAYER_META[layer].label, area.layers[layer]!, true),
    ),
    ...shownDomains
      .filter((definition) => area.declared?.[definition.id])
      .map((definition) => rowOf(definition.label, area.declared![definition.id]!, declaredLevelRule(definition) !== null)),
  ];
  return (
    <MapTooltip x={x} y={y} bounds={bounds} kind="Area summary" kindTone="muted" data-testid="area-summary-tooltip">
      <MapTooltipRows rows={rows} isStacked />
      {rows.length === 0 && <MapTooltipNote>No layer with sensors here is switched on.</MapTooltipNote>}
      <MapTooltipNote>Zoom in to see each sensor.</MapTooltipNote>
    </MapTooltip>
  );
}
