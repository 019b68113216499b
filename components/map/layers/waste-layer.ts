import { ScatterplotLayer } from "@deck.gl/layers";
import type { TWasteContainer } from "@/lib/contracts/events";
import type { TWasteBin } from "@/lib/contracts/city-pack";
import { FILL_RAMP, NO_DATA_RGBA, rampColor, type TRgba } from "./color-scales";
import { DECK_LAYER_ID } from "./deck-layer-ids";
import type { TLiveLayerOptions } from "./live-layer-options";
import { liveRowsProps, type TLiveRows } from "./live-rows-extension";
import { WASTE_STATUS_STYLE } from "./waste-styles";

const RADIUS_PX = 3.5;
/** Problem containers are drawn larger so they stand out among hundreds of bins. */
const ALERT_RADIUS_SCALE = 1.8;

function wasteColor(container: TWasteContainer | undefined): TRgba {
  return container ? rampColor(FILL_RAMP, container.fillingLevel, 235) : NO_DATA_RGBA;
}

export function createWasteLayer(bins: TWasteBin[], { store, version, visible }: TLiveLayerOptions) {
  const status = (bin: TWasteBin) => store.get("waste", bin.id)?.status ?? "ok";
  return new ScatterplotLayer<TWasteBin, { liveRows: TLiveRows }>({
    id: DECK_LAYER_ID.waste,
    data: bins,
    visible,
    pickable: true,
    stroked: true,
    radiusUnits: "pixels",
    lineWidthUnits: "pixels",
    getPosition: (bin) => bin.position,
    getRadius: (bin) => (status(bin) === "ok" ? RADIUS_PX : RADIUS_PX * ALERT_RADIUS_SCALE),
    getFillColor: (bin) => wasteColor(store.get("waste", bin.id)),
    getLineColor: (bin) => [...WASTE_STATUS_STYLE[status(bin)].rgb, 255],
    getLineWidth: (bin) => WASTE_STATUS_STYLE[status(bin)].widthPx,
    ...liveRowsProps(store.changesOf("waste"), version, ["getRadius", "getFillColor", "getLineColor", "getLineWidth"]),
  });
}
