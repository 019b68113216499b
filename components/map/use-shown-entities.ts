"use client";

import { useMemo, useSyncExternalStore } from "react";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { TTileIndex } from "@/lib/live/tile-index";
import type { LiveCityStore } from "@/components/live/live-city-store";
import { shownEntities, viewKey, type TShownEntities } from "./shown-entities";

/** The static entities the map draws for the store's current view; null until the pack is indexed. */
export function useShownEntities(store: LiveCityStore, index: TEntityIndex | null, tiles: TTileIndex | null): TShownEntities | null {
  const view = useSyncExternalStore(store.subscribe, store.getView, store.getView);
  // Keyed by the tiles, not the view object: a viewport answer with the same tiles keeps deck.gl's buffers.
  const key = viewKey(view);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `view`
  return useMemo(() => (index && tiles ? shownEntities(index, tiles, view) : null), [index, tiles, key]);
}
