"use client";

import type { MapboxOverlay } from "@deck.gl/mapbox";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useSyncExternalStore } from "react";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { LiveCityStore } from "@/components/live/live-city-store";
import { buildCityLayers } from "@/components/map/layers/build-city-layers";
import type { TDomainName } from "@/lib/contracts/layers";
import { useZoomBucket } from "@/components/map/use-zoom-bucket";
import { wholeCity } from "@/components/map/shown-entities";

type TPlaybackLayerSyncProps = {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  index: TEntityIndex;
  /** Holds the frame on screen (applied as a snapshot), so the live map's layer builders draw it unchanged. */
  store: LiveCityStore;
  /** Built-in layers and declared domains alike. */
  visible: ReadonlySet<TDomainName>;
};

/** Draws the city's layers as recorded, from the frame store. Renders nothing. */
export function PlaybackLayerSync({ map, overlay, index, store, visible }: TPlaybackLayerSyncProps) {
  const versions = useSyncExternalStore(store.subscribe, store.getVersions, store.getVersions);
  const declaredVersions = useSyncExternalStore(store.subscribe, store.getDeclaredVersions, store.getDeclaredVersions);
  const zoom = useZoomBucket(map);
  // Leaving playback (or losing the frame) takes the city's layers off the map.
  useEffect(() => () => overlay.setProps({ layers: [] }), [overlay]);
  useEffect(() => {
    overlay.setProps({
      layers: buildCityLayers(index, wholeCity(index), store, versions, visible, zoom, { versions: declaredVersions, visible }),
    });
  }, [overlay, index, store, versions, declaredVersions, visible, zoom]);
  return null;
}
