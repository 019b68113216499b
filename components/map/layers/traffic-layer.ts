import { PathLayer } from "@deck.gl/layers";
import type { TTrafficFlowObserved } from "@/lib/contracts/events";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { congestionOf as congestionOfFlow } from "@/lib/live/attention";
import { CONGESTION_RAMP, NO_DATA_RGBA, clamp01, rampColor, type TRgba } from "./color-scales";
import { DECK_LAYER_ID } from "./deck-layer-ids";
import type { TLiveLayerOptions } from "./live-layer-options";
import { liveRowsProps, type TLiveRows } from "./live-rows-extension";

const MIN_WIDTH_PX = 2;
const MAX_EXTRA_WIDTH_PX = 5;

/** 0 = free flow, 1 = standstill; null without data. */
export function congestionOf(segment: TRoadSegment, flow: TTrafficFlowObserved | undefined): number | null {
  return flow ? congestionOfFlow(segment.freeFlowKmh, flow) : null;
}

export function trafficColor(segment: TRoadSegment, flow: TTrafficFlowObserved | undefined): TRgba {
  const congestion = congestionOf(segment, flow);
  return congestion === null ? NO_DATA_RGBA : rampColor(CONGESTION_RAMP, congestion, 235);
}

/** Width grows with volume relative to the segment's capacity. */
export function trafficWidthPx(segment: TRoadSegment, flow: TTrafficFlowObserved | undefined): number {
  if (!flow) return MIN_WIDTH_PX * 0.75;
  return MIN_WIDTH_PX + MAX_EXTRA_WIDTH_PX * clamp01(flow.intensity / segment.capacityVph);
}

export function createTrafficLayer(segments: TRoadSegment[], { store, version, visible }: TLiveLayerOptions) {
  return new PathLayer<TRoadSegment, { liveRows: TLiveRows }>({
    id: DECK_LAYER_ID.traffic,
    data: segments,
    visible,
    pickable: true,
    widthUnits: "pixels",
    capRounded: true,
    jointRounded: true,
    getPath: (segment) => segment.coords,
    getColor: (segment) => trafficColor(segment, store.get("traffic", segment.id)),
    getWidth: (segment) => trafficWidthPx(segment, store.get("traffic", segment.id)),
    ...liveRowsProps(store.changesOf("traffic"), version, ["getColor", "getWidth"]),
  });
}
