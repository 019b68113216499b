import { countInTiles, type TTileIndex } from "./tile-index";
import { isTileInRange, padBbox, tileRangeOf, type TBbox, type TTileKey } from "./tiles";

/**
 * What a browser is sent for its viewport:
 *   city: every entity (the whole city fits the budget: Three Rivers, any town);
 *   tiles: the entities of these tiles (the viewport and a margin around it, or the viewport alone);
 *   overview: per-tile summaries only (zoomed out over more than the budget).
 * Units are sent city-wide in every mode.
 */
export type TLiveView = { mode: "city" } | { mode: "tiles"; tiles: TTileKey[] } | { mode: "overview" };

/** How far around the viewport entities are sent, as a share of its size: a short pan shows them at once. */
export const VIEW_MARGIN = 0.25;
/** Default for VIEWPORT_ENTITY_BUDGET: the most static entities a browser is sent one by one. */
export const DEFAULT_VIEW_BUDGET = 10_000;

/** The tiles holding entities that the box touches. */
export function tilesInBbox(index: TTileIndex, bbox: TBbox): TTileKey[] {
  const range = tileRangeOf(bbox);
  const keys: TTileKey[] = [];
  for (const key of index.tiles.keys()) if (isTileInRange(key, range)) keys.push(key);
  return keys;
}

/**
 * The view for a viewport, deciding by how many entities it would hold rather than by zoom: a big screen and a
 * dense district reach the budget sooner, and a town never does. The margin is dropped before the detail is.
 */
export function chooseView(index: TTileIndex, bbox: TBbox, budget: number): TLiveView {
  if (index.total <= budget) return { mode: "city" };
  for (const box of [padBbox(bbox, VIEW_MARGIN), bbox]) {
    const tiles = tilesInBbox(index, box);
    if (countInTiles(index, tiles) <= budget) return { mode: "tiles", tiles: tiles.sort() };
  }
  return { mode: "overview" };
}
