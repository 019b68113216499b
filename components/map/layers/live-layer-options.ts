import type { LiveCityStore } from "@/components/live/live-city-store";

/** What every live layer factory needs besides its static data. */
export type TLiveLayerOptions = {
  store: LiveCityStore;
  /** The layer's store version; the live-rows extension recomputes the rows changed since the version drawn. */
  version: number;
  visible: boolean;
};
