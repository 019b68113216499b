"use client";

import type { MapboxOverlay } from "@deck.gl/mapbox";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { TLayer } from "@/lib/contracts/layers";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { LiveCityStore } from "@/components/live/live-city-store";
import { buildCityLayers } from "./layers/build-city-layers";
import { useThrottledValue } from "./use-throttled-value";
import { useZoomBucket } from "./use-zoom-bucket";
import { markFirstRender } from "./first-render-marks";
import { createFrameBudget, MAP_FRAME_MEASURE } from "./frame-budget";
import { TEST_HOOKS_ENABLED } from "./test-hooks";
import { buildOperationsLayers, buildAreaLayers, type TOperationsLayerInput } from "./layers/build-operations-layers";
import { areaSummaries, createAreaSummaryLayer, gradedDomains } from "./layers/area-summary-layer";
import type { TShownEntities } from "./shown-entities";

type TDeckLayerSyncProps = {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  index: TEntityIndex;
  /** What of the pack the view shows (use-shown-entities.ts). */
  shown: TShownEntities;
  store: LiveCityStore;
  visible: ReadonlySet<TLayer>;
  /** Declared domains drawn on the map. */
  visibleDomains: ReadonlySet<string>;
  /** Incidents, the selected alert's ring and a picked location, on top of the city layers. */
  operations: TOperationsLayerInput;
};

/**
 * Live data redraws the city's layers at most every LIVE_REDRAW_MS, and less often while frames are slow, so the
 * map's frames take about LIVE_REDRAW_SHARE of the main thread (selection, visibility and zoom redraw at once).
 */
const LIVE_REDRAW_MS = 250;
const LIVE_REDRAW_MAX_MS = 5_000;
const LIVE_REDRAW_SHARE = 0.2;

/**
 * A frame's cost runs from deck.gl's draw to the next animation frame: without a GPU, the browser's compositor
 * reads the canvas back after the draw, waiting for the software rasteriser (hundreds of ms a frame, on the main
 * thread), while the draw call itself takes a few ms.
 */
function useFrameBudget(overlay: MapboxOverlay) {
  const [budget] = useState(() =>
    createFrameBudget({ minIntervalMs: LIVE_REDRAW_MS, maxIntervalMs: LIVE_REDRAW_MAX_MS, share: LIVE_REDRAW_SHARE }),
  );
  useEffect(() => {
    let start = 0;
    overlay.setProps({
      onBeforeRender: () => {
        start = performance.now();
      },
      onAfterRender: () => {
        const drawnFrom = start;
        requestAnimationFrame(() => {
          const end = performance.now();
          budget.record(end - drawnFrom);
          if (TEST_HOOKS_ENABLED) performance.measure(MAP_FRAME_MEASURE, { start: drawnFrom, end });
        });
        // deck.gl has drawn the city's layers once (shaders compiled, buffers filled).
        markFirstRender("first-frame");
      },
    });
  }, [overlay, budget]);
  return budget.intervalMs;
}

/**
 * Pushes fresh layer descriptors to deck.gl whenever a layer's live version (at most every LIVE_REDRAW_MS),
 * visibility, the zoom bucket or the view (what the server sends for the viewport) changes. Renders nothing,
 * so ~10 deltas/s re-render only this.
 */
export function DeckLayerSync({ map, overlay, index, shown, store, visible, visibleDomains, operations }: TDeckLayerSyncProps) {
  const redrawIntervalMs = useFrameBudget(overlay);
  const liveVersions = useSyncExternalStore(store.subscribe, store.getVersions, store.getVersions);
  const versions = useThrottledValue(liveVersions, redrawIntervalMs);
  const liveDeclaredVersions = useSyncExternalStore(store.subscribe, store.getDeclaredVersions, store.getDeclaredVersions);
  const declaredVersions = useThrottledValue(liveDeclaredVersions, redrawIntervalMs);
  const zoom = useZoomBucket(map);
  const view = useSyncExternalStore(store.subscribe, store.getView, store.getView);
  const summaries = useSyncExternalStore(store.subscribe, store.getSummaries, store.getSummaries);
  const areas = useMemo(() => areaSummaries(summaries), [summaries]);
  const areaDomains = useMemo(
    () =>
      gradedDomains(
        (index.declaredDomains ?? []).map((d) => d.definition),
        visibleDomains,
      ),
    [index, visibleDomains],
  );
  useEffect(() => {
    overlay.setProps({
      layers: [
        ...buildAreaLayers(operations),
        createAreaSummaryLayer(areas, visible, view.mode === "overview", areaDomains),
        ...buildCityLayers(index, shown, store, versions, visible, zoom, { versions: declaredVersions, visible: visibleDomains }),
        ...buildOperationsLayers(operations, zoom),
      ],
    });
    markFirstRender("first-layers");
  }, [overlay, index, shown, areas, areaDomains, view.mode, store, versions, declaredVersions, visible, visibleDomains, zoom, operations]);
  return null;
}
