import type { Map as MapLibreMap } from "maplibre-gl";

/** Street level: close enough to see the alert's entity and its neighbours. */
const FLY_TO_MIN_ZOOM = 16;
/** Wide screens: the drawer (380 px + gap) sits left of the queue, covering the map's padded centre. */
const DRAWER_BESIDE_MIN_WIDTH_PX = 1100;
const DRAWER_SHIFT_PX = 196;
/** Phones: the drawer is a sheet over the lower part of the map. */
const PHONE_SHEET_SHIFT_SHARE = 0.33;
const PHONE_MAX_WIDTH_PX = 640;

/** Flies to a place so it lands in the part of the map the open drawer leaves visible. */
export function flyToBesideDrawer(map: MapLibreMap, center: readonly [number, number]): void {
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const offset: [number, number] =
    width <= PHONE_MAX_WIDTH_PX
      ? [0, -Math.round(height * PHONE_SHEET_SHIFT_SHARE)]
      : width > DRAWER_BESIDE_MIN_WIDTH_PX
        ? [-DRAWER_SHIFT_PX, 0]
        : [0, 0];
  map.flyTo({ center: [center[0], center[1]], zoom: Math.max(map.getZoom(), FLY_TO_MIN_ZOOM), offset, essential: true });
}
