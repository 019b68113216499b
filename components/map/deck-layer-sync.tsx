"use client";

import type { MapboxOverlay } from "@deck.gl/mapbox";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useSyncExternalStore } from "react";
import type { TLayer } from "@/lib/contracts/layers";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { LiveCityStore } from "@/components/live/live-city-store";
import { buildCityLayers } from "./layers/build-city-layers";
import { useThrottledValue } from "./use-throttled-value";
import { useZoomBucket } from "./use-zoom-bucket";
import { markFirstRender } from "./first-render-marks";
import { buildOperationsLayers, buildAreaLayers, type TOperationsLayerInput } from "./layers/build-operations-layers";

type TDeckLayerSyncProps = {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  index: TEntityIndex;
  store: LiveCityStore;
  visible: ReadonlySet<TLayer>;
  /** Declared domains drawn on the map. */
  visibleDomains: ReadonlySet<string>;
  /** Incidents, the selected alert's ring and a picked location, on top of the city layers. */
  operations: TOperationsLayerInput;
};

/** Live data redraws the city's layers at most this often (selection, visibility and zoom redraw at once). */
const LIVE_REDRAW_MS = 250;

/** deck.gl has drawn the city's layers once (shaders compiled, buffers filled). */
const markFirstFrame = () => markFirstRender("first-frame");

/**
 * Pushes fresh layer descriptors to deck.gl whenever a layer's live version (at most every LIVE_REDRAW_MS),
 * visibility or the zoom bucket changes. Renders nothing, so ~10 deltas/s re-render only this.
 */
export function DeckLayerSync({ map, overlay, index, store, visible, visibleDomains, operations }: TDeckLayerSyncProps) {
  const liveVersions = useSyncExternalStore(store.subscribe, store.getVersions, store.getVersions);
  const versions = useThrottledValue(liveVersions, LIVE_REDRAW_MS);
  const liveDeclaredVersions = useSyncExternalStore(store.subscribe, store.getDeclaredVersions, store.getDeclaredVersions);
  const declaredVersions = useThrottledValue(liveDeclaredVersions, LIVE_REDRAW_MS);
  const zoom = useZoomBucket(map);
  useEffect(() => {
    overlay.setProps({
      layers: [
        ...buildAreaLayers(operations),
        ...buildCityLayers(index, store, versions, visible, zoom, { versions: declaredVersions, visible: visibleDomains }),
        ...buildOperationsLayers(operations, zoom),
      ],
      onAfterRender: markFirstFrame,
    });
    markFirstRender("first-layers");
  }, [overlay, index, store, versions, declaredVersions, visible, visibleDomains, zoom, operations]);
  return null;
}
