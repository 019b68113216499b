import { ScatterplotLayer, TextLayer } from "@deck.gl/layers";
import { LABEL_CHARACTER_SET, LABEL_FONT } from "./label-text";
import { MAP_COLOR, RAMP_COLOR, rgbaOf } from "@/lib/design/tokens";
import type { TUnitPosition, TUnitStatus } from "@/lib/contracts/events";
import type { TStation, TUnit } from "@/lib/contracts/city-pack";
import type { LiveCityStore } from "@/components/live/live-city-store";
import type { TRgba } from "./color-scales";
import { DECK_LAYER_ID } from "./deck-layer-ids";
import type { TLiveLayerOptions } from "./live-layer-options";
import { UNIT_STATUS_RGB, UNIT_TYPE_RGB } from "./unit-styles";

type TUnitLayerOptions = TLiveLayerOptions & {
  stationsById: ReadonlyMap<string, TStation>;
  /** Map zoom (coarsely rounded): labels are merged where they would overlap at this zoom. */
  zoom: number;
};

/** Live position; until the first fix a unit is drawn (faded) at its home station. */
function unitPosition(unit: TUnit, live: TUnitPosition | undefined, stationsById: ReadonlyMap<string, TStation>): [number, number] {
  if (live) return live.location;
  return stationsById.get(unit.stationId)?.position ?? [0, 0];
}

function unitColor(unit: TUnit, live: TUnitPosition | undefined): TRgba {
  const alpha = !live || live.status === "outOfService" ? 110 : 255;
  return [...UNIT_TYPE_RGB[unit.type], alpha];
}

function positionAccessor(store: LiveCityStore, stationsById: ReadonlyMap<string, TStation>) {
  return (unit: TUnit) => unitPosition(unit, store.get("units", unit.id), stationsById);
}

export function createUnitLayer(units: TUnit[], { store, version, visible, stationsById }: TUnitLayerOptions) {
  return new ScatterplotLayer<TUnit>({
    id: DECK_LAYER_ID.units,
    data: units,
    visible,
    pickable: true,
    stroked: true,
    radiusUnits: "pixels",
    lineWidthUnits: "pixels",
    getPosition: positionAccessor(store, stationsById),
    getRadius: 7,
    getFillColor: (unit) => unitColor(unit, store.get("units", unit.id)),
    getLineColor: rgbaOf(MAP_COLOR.outline),
    getLineWidth: 2,
    updateTriggers: { getPosition: version, getFillColor: version },
  });
}

/** A call-sign label's footprint in pixels; closer labels would overlap. */
const LABEL_BOX_PX: readonly [number, number] = [64, 20];
/** Web Mercator with 512 px tiles: degrees of longitude per pixel at zoom 0. */
const LON_DEGREES_PER_PX_Z0 = 360 / 512;

/**
 * Call sign per unit at this zoom. Units whose labels would overlap on screen
 * share one label ("E-1 +2"), e.g. crews parked at the same station; the others get "".
 * Greedy, O(n × labels): fine for the hundreds of units a city runs.
 */
export function unitLabels(units: readonly TUnit[], position: (unit: TUnit) => [number, number], zoom: number): Map<string, string> {
  const lonPerPx = LON_DEGREES_PER_PX_Z0 / 2 ** zoom;
  const heads: { unit: TUnit; x: number; y: number; extra: number }[] = [];
  const labels = new Map<string, string>();
  for (const unit of units) {
    const [lon, lat] = position(unit);
    const x = lon / lonPerPx;
    const y = lat / (lonPerPx * Math.cos((lat * Math.PI) / 180));
    const head = heads.find((h) => Math.abs(h.x - x) < LABEL_BOX_PX[0] && Math.abs(h.y - y) < LABEL_BOX_PX[1]);
    if (head) {
      head.extra += 1;
      labels.set(unit.id, "");
    } else {
      heads.push({ unit, x, y, extra: 0 });
    }
  }
  for (const { unit, extra } of heads) labels.set(unit.id, extra > 0 ? `${unit.callSign} +${extra}` : unit.callSign);
  return labels;
}

export function createUnitLabelLayer(units: TUnit[], { store, version, visible, stationsById, zoom }: TUnitLayerOptions) {
  const getPosition = positionAccessor(store, stationsById);
  const labels = visible ? unitLabels(units, getPosition, zoom) : new Map<string, string>();
  return new TextLayer<TUnit>({
    id: DECK_LAYER_ID.unitLabels,
    data: units,
    visible,
    pickable: false,
    getPosition,
    getText: (unit) => labels.get(unit.id) ?? unit.callSign,
    getSize: 11,
    getColor: rgbaOf(MAP_COLOR.label),
    getPixelOffset: [0, -17],
    getTextAnchor: "middle",
    getAlignmentBaseline: "bottom",
    fontFamily: LABEL_FONT,
    characterSet: LABEL_CHARACTER_SET,
    fontWeight: 600,
    background: true,
    getBackgroundColor: rgbaOf(MAP_COLOR.markerRim, 210),
    backgroundPadding: [4, 2],
    backgroundBorderRadius: 3,
    updateTriggers: { getPosition: version, getText: [version, zoom] },
  });
}

/** What the status layer needs: the units to draw, where they are, and the control room's status per unit. */
export type TUnitStatusLayerInput = {
  units: readonly TUnit[];
  store: LiveCityStore;
  stationsById: ReadonlyMap<string, TStation>;
  /** From the units query (PostgreSQL): dispatch changes status before the next position event says so. */
  statusById: ReadonlyMap<string, TUnitStatus>;
  selectedId: string | null;
  visible: boolean;
};

/** The status the map shows: the control room's record wins over the position event's; null before either. */
export function unitDisplayStatus(
  unitId: string,
  live: Pick<TUnitPosition, "status"> | undefined,
  statusById: ReadonlyMap<string, TUnitStatus>,
): TUnitStatus | null {
  return statusById.get(unitId) ?? live?.status ?? null;
}

const NO_STATUS_RGBA: TRgba = rgbaOf(RAMP_COLOR.noData);

/**
 * Unit markers in their type colour ringed in their status colour. Drawn with the operations layers, above
 * dispatch routes (a route starts under its unit), over the city's own unit dots, which stay below for picking.
 */
export function createUnitStatusLayer({ units, store, stationsById, statusById, selectedId, visible }: TUnitStatusLayerInput) {
  const version = store.getVersions().units;
  const statusOf = (unit: TUnit) => unitDisplayStatus(unit.id, store.get("units", unit.id), statusById);
  return new ScatterplotLayer<TUnit>({
    id: DECK_LAYER_ID.unitStatus,
    data: units,
    visible,
    pickable: false,
    stroked: true,
    radiusUnits: "pixels",
    lineWidthUnits: "pixels",
    getPosition: positionAccessor(store, stationsById),
    getRadius: (unit) => (unit.id === selectedId ? 11 : 8),
    getFillColor: (unit) => {
      const live = store.get("units", unit.id);
      const alpha = !live || statusOf(unit) === "outOfService" ? 130 : 255;
      return [...UNIT_TYPE_RGB[unit.type], alpha];
    },
    getLineColor: (unit) => {
      const status = statusOf(unit);
      return status ? [...UNIT_STATUS_RGB[status], 255] : NO_STATUS_RGBA;
    },
    getLineWidth: (unit) => (unit.id === selectedId ? 4 : 3),
    updateTriggers: {
      getPosition: version,
      getFillColor: [version, statusById],
      getLineColor: [version, statusById],
      getRadius: selectedId,
      getLineWidth: selectedId,
    },
  });
}
