import { ScatterplotLayer } from "@deck.gl/layers";
import { MAP_COLOR, rgbaOf } from "@/lib/design/tokens";
import type { TOffStreetParking } from "@/lib/contracts/events";
import type { TParkingLot } from "@/lib/contracts/city-pack";
import { occupancyOf as occupancyOfStatus } from "@/lib/live/attention";
import { NO_DATA_RGBA, OCCUPANCY_RAMP, rampColor, type TRgba } from "./color-scales";
import { DECK_LAYER_ID } from "./deck-layer-ids";
import type { TLiveLayerOptions } from "./live-layer-options";
import { liveRowsProps, type TLiveRows } from "./live-rows-extension";

export function occupancyOf(status: TOffStreetParking | undefined): number | null {
  return status ? occupancyOfStatus(status) : null;
}

function parkingColor(status: TOffStreetParking | undefined): TRgba {
  const occupancy = occupancyOf(status);
  return occupancy === null ? NO_DATA_RGBA : rampColor(OCCUPANCY_RAMP, occupancy, 185);
}

/** Metres; area grows with capacity so big lots read as big. */
function parkingRadiusM(lot: TParkingLot): number {
  return 8 + Math.sqrt(lot.capacity) * 2.4;
}

export function createParkingLayer(lots: TParkingLot[], { store, version, visible }: TLiveLayerOptions) {
  return new ScatterplotLayer<TParkingLot, { liveRows: TLiveRows }>({
    id: DECK_LAYER_ID.parking,
    data: lots,
    visible,
    pickable: true,
    stroked: true,
    radiusUnits: "meters",
    radiusMinPixels: 5,
    radiusMaxPixels: 22,
    lineWidthUnits: "pixels",
    getPosition: (lot) => lot.position,
    getRadius: parkingRadiusM,
    getFillColor: (lot) => parkingColor(store.get("parking", lot.id)),
    getLineColor: rgbaOf(MAP_COLOR.parkingOutline, 200),
    getLineWidth: 1.25,
    ...liveRowsProps(store.changesOf("parking"), version, ["getFillColor"]),
  });
}
