import type { LiveCityStore } from "@/components/live/live-city-store";

/** What every live layer factory needs besides its static data. */
export type TLiveLayerOptions = {
  store: LiveCityStore;
  /** The layer's store version; goes into updateTriggers so only accessors re-run. */
  version: number;
  visible: boolean;
};
