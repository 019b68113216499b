import type { Map as MapLibreMap } from "maplibre-gl";
import type { TBbox } from "@/lib/live/tiles";

/**
 * The map's visible area for the live socket, read when a move ends (not on every frame of a pan or zoom), outside
 * React: a moved map re-renders nothing, it only tells the server.
 */
export type TViewportSource = {
  /** The area now; `initial` (the city's bounds) until the map exists, so live data can be asked for while it loads. */
  read(): TBbox | null;
  /** Calls back when a move ended; returns the unsubscribe. */
  subscribe(onMoved: () => void): () => void;
};

/** ~1 m: finer changes are not a new viewport. */
const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

function boundsOf(map: MapLibreMap): TBbox {
  const bounds = map.getBounds();
  return [
    round5(Math.max(-180, bounds.getWest())),
    round5(Math.max(-90, bounds.getSouth())),
    round5(Math.min(180, bounds.getEast())),
    round5(Math.min(90, bounds.getNorth())),
  ];
}

export function mapViewportSource(map: MapLibreMap | null, initial: TBbox | null): TViewportSource {
  return {
    read: () => (map ? boundsOf(map) : initial),
    subscribe(onMoved) {
      if (!map) return () => {};
      map.on("moveend", onMoved);
      return () => {
        map.off("moveend", onMoved);
      };
    },
  };
}
