import { PathLayer, ScatterplotLayer } from "@deck.gl/layers";
import { MAP_COLOR, rgbaOf } from "@/lib/design/tokens";
import type { TEnergyMeasurement } from "@/lib/contracts/events";
import type { TFeeder, TSubstation } from "@/lib/contracts/city-pack";
import { loadOf as loadOfMeasurement } from "@/lib/live/attention";
import { LOAD_RAMP, NO_DATA_RGBA, rampColor, type TRgba } from "./color-scales";
import { DECK_LAYER_ID } from "./deck-layer-ids";
import type { TLiveLayerOptions } from "./live-layer-options";
import { liveRowsProps, type TLiveRows } from "./live-rows-extension";

/** Active power over rated capacity; may exceed 1 when overloaded. */
export function loadOf(measurement: TEnergyMeasurement | undefined): number | null {
  return measurement ? loadOfMeasurement(measurement) : null;
}

function energyColor(measurement: TEnergyMeasurement | undefined, alpha = 255): TRgba {
  const load = loadOf(measurement);
  return load === null ? NO_DATA_RGBA : rampColor(LOAD_RAMP, load, alpha);
}

export function createFeederLayer(feeders: TFeeder[], { store, version, visible }: TLiveLayerOptions) {
  return new PathLayer<TFeeder, { liveRows: TLiveRows }>({
    id: DECK_LAYER_ID.feeders,
    data: feeders,
    visible,
    pickable: true,
    widthUnits: "pixels",
    jointRounded: true,
    capRounded: true,
    getPath: (feeder) => feeder.coords,
    getColor: (feeder) => energyColor(store.get("energy", feeder.id), 230),
    getWidth: 3.5,
    ...liveRowsProps(store.changesOf("energy"), version, ["getColor"]),
  });
}

export function createSubstationLayer(substations: TSubstation[], { store, version, visible }: TLiveLayerOptions) {
  return new ScatterplotLayer<TSubstation, { liveRows: TLiveRows }>({
    id: DECK_LAYER_ID.substations,
    data: substations,
    visible,
    pickable: true,
    stroked: true,
    radiusUnits: "pixels",
    lineWidthUnits: "pixels",
    getPosition: (substation) => substation.position,
    getRadius: 8,
    getFillColor: (substation) => energyColor(store.get("energy", substation.id)),
    getLineColor: rgbaOf(MAP_COLOR.label),
    getLineWidth: 2,
    ...liveRowsProps(store.changesOf("energy"), version, ["getFillColor"]),
  });
}
