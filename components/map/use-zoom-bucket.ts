"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import { useCallback, useSyncExternalStore } from "react";

/** Unit label merging only needs the zoom in half steps; finer would rebuild labels on every zoom frame. */
const ZOOM_STEP = 0.5;

export function useZoomBucket(map: MapLibreMap): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      map.on("zoomend", onChange);
      return () => {
        map.off("zoomend", onChange);
      };
    },
    [map],
  );
  const read = () => Math.round(map.getZoom() / ZOOM_STEP) * ZOOM_STEP;
  return useSyncExternalStore(subscribe, read, read);
}
