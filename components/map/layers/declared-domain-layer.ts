import { ScatterplotLayer } from "@deck.gl/layers";
import type { TDomainDefinition, TDomainEntity, TDomainEvent } from "@/lib/contracts/domain-definition";
import { DOMAIN_SCALE_COLOR, DOMAIN_STATUS_COLOR, MAP_COLOR, rgbaOf, rgbOf } from "@/lib/design/tokens";
import { NO_DATA_RGBA, rampColor, type TRamp, type TRgba } from "./color-scales";
import type { TLiveLayerOptions } from "./live-layer-options";
import { liveRowsProps, type TLiveRows } from "./live-rows-extension";

/** deck.gl layer id of a declared domain; entity picking reads the domain back from it. */
export const DECLARED_LAYER_PREFIX = "declared:";
export const declaredLayerId = (domain: string) => `${DECLARED_LAYER_PREFIX}${domain}`;

/**
 * The definition's scale as a ramp over its own stop values: the palette's colours spread evenly over
 * the stops, so "WHO guideline" sits at its stop's colour whatever the palette's length.
 */
export function declaredRamp(definition: Pick<TDomainDefinition, "map">): TRamp | null {
  const { color } = definition.map;
  if (color.kind !== "scale") return null;
  const palette = DOMAIN_SCALE_COLOR[color.palette];
  return color.stops.map((stop, i) => {
    const at = color.stops.length === 1 ? 0 : i / (color.stops.length - 1);
    return [stop.value, rgbOf(palette[Math.round(at * (palette.length - 1))]!)] as const;
  });
}

/** The colour of one sensor's latest reading; no reading (or no value) is drawn as "no data". */
export function declaredColor(definition: Pick<TDomainDefinition, "map">, ramp: TRamp | null, event: TDomainEvent | undefined): TRgba {
  const { color } = definition.map;
  const value = event?.[color.field];
  if (value === undefined) return NO_DATA_RGBA;
  if (color.kind === "scale") return typeof value === "number" && ramp ? rampColor(ramp, value, 230) : NO_DATA_RGBA;
  return rgbaOf(DOMAIN_STATUS_COLOR[color.tones[String(value)] ?? "muted"], 235);
}

/**
 * One builder for every declared domain: points at the sensors, coloured by the definition's metric. `version` is the
 * domain's declared version; a delta recomputes the colours of the sensors it touched only.
 */
export function createDeclaredDomainLayer(
  definition: TDomainDefinition,
  entities: readonly TDomainEntity[],
  { store, version, visible }: TLiveLayerOptions,
) {
  const ramp = declaredRamp(definition);
  return new ScatterplotLayer<TDomainEntity, { liveRows: TLiveRows }>({
    id: declaredLayerId(definition.id),
    data: entities as TDomainEntity[],
    visible,
    pickable: true,
    stroked: true,
    radiusUnits: "pixels",
    getPosition: (entity) => entity.position,
    getRadius: definition.map.sizePx,
    getFillColor: (entity) => declaredColor(definition, ramp, store.getDeclared(definition.id, entity.id)),
    getLineColor: rgbaOf(MAP_COLOR.markerRim, 220),
    lineWidthUnits: "pixels",
    getLineWidth: 1,
    ...liveRowsProps(store.declaredChangesOf(definition.id), version, ["getFillColor"]),
  });
}
