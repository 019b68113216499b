import type { Layer } from "@deck.gl/core";
import type { MapboxOverlay } from "@deck.gl/mapbox";
import type { Map as MapLibreMap } from "maplibre-gl";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { LiveCityStore } from "@/components/live/live-city-store";
import { setPartialRowUpdates } from "./layers/live-rows-extension";

/**
 * Handles for browser tests: project an entity's coordinates with `map.project`,
 * read deck layer visibility from `overlay` props, inspect live values in `store`.
 */
type TCityNerveDebugHandles = {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  store: LiveCityStore;
  entities: TEntityIndex | null;
  /** The deck.gl layers last handed to the overlay (ids in DECK_LAYER_ID; `props.visible`). */
  deckLayers: () => readonly Layer[];
  /** bench/delta-apply.ts: off recomputes every row of a layer per delta, as before partial row updates. */
  setPartialRowUpdates: (enabled: boolean) => void;
};

declare global {
  interface Window {
    __citynerve?: TCityNerveDebugHandles;
  }
}

/** Set at build time by the browser tests (playwright.config.ts); other builds drop the handles entirely. */
export const TEST_HOOKS_ENABLED = process.env.NEXT_PUBLIC_TEST_HOOKS === "1";

export function exposeDebugHandles(handles: Omit<TCityNerveDebugHandles, "deckLayers" | "setPartialRowUpdates">): () => void {
  if (!TEST_HOOKS_ENABLED) return () => {};
  const debug: TCityNerveDebugHandles = {
    ...handles,
    // MapboxOverlay keeps its props privately; reading them here keeps tests off that detail.
    deckLayers: () => ((handles.overlay as unknown as { _props: { layers?: Layer[] } })._props.layers ?? []).filter(Boolean),
    setPartialRowUpdates,
  };
  window.__citynerve = debug;
  return () => {
    if (window.__citynerve === debug) delete window.__citynerve;
  };
}
