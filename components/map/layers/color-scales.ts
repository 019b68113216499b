/**
 * Colour ramps shared by the deck.gl layers and the legend, so the two can never disagree.
 * Every ramp runs from "fine" (0) to "needs attention" (1).
 */
import { RAMP_COLOR, rgbOf, type TRgb } from "@/lib/design/tokens";
import { ATTENTION_STOPS } from "@/lib/live/attention";

export { clamp01 } from "@/lib/live/attention";

export type { TRgb };
export type TRgba = [number, number, number, number];
type TStop = readonly [at: number, rgb: TRgb];
export type TRamp = readonly TStop[];

const GREEN = rgbOf(RAMP_COLOR.green);
const YELLOW = rgbOf(RAMP_COLOR.yellow);
const ORANGE = rgbOf(RAMP_COLOR.orange);
const RED = rgbOf(RAMP_COLOR.red);
const BLUE = rgbOf(RAMP_COLOR.blue);
const VIOLET = rgbOf(RAMP_COLOR.violet);

export const NO_DATA_RGBA: TRgba = [...rgbOf(RAMP_COLOR.noData), 150];

/** The stops are lib/live/attention.ts's, so the hub's per-area summaries count readings by the colour they are drawn in. */
const ramp = (stops: readonly number[], colors: readonly TRgb[]): TRamp => stops.map((at, i) => [at, colors[i]!] as const);

/** 1 − speed / free-flow speed: 0 = free flow, 1 = standstill. */
export const CONGESTION_RAMP: TRamp = ramp(ATTENTION_STOPS.traffic, [GREEN, YELLOW, ORANGE, RED]);
/** Parking occupancy: 1 − available / total. */
export const OCCUPANCY_RAMP: TRamp = ramp(ATTENTION_STOPS.parking, [GREEN, YELLOW, ORANGE, RED]);
/** Waste container filling level, 0–1. */
export const FILL_RAMP: TRamp = ramp(ATTENTION_STOPS.waste, [GREEN, YELLOW, ORANGE, RED]);
/** Energy asset load: active power / capacity. Blue–violet so feeders stay distinct from the green roads they follow. */
export const LOAD_RAMP: TRamp = ramp(ATTENTION_STOPS.energy, [BLUE, VIOLET, ORANGE, RED]);
/** An area's summary at city zoom (components/map/layers/area-summary-layer.ts), by attention level. */
export const ATTENTION_LEVEL_RGB: readonly TRgb[] = [GREEN, YELLOW, ORANGE, RED];

/** Linear interpolation between the ramp's stops; clamps outside them. */
export function rampColor(ramp: TRamp, value: number, alpha = 255): TRgba {
  const first = ramp[0]!;
  const last = ramp[ramp.length - 1]!;
  if (!(value > first[0])) return [...first[1], alpha];
  if (value >= last[0]) return [...last[1], alpha];
  for (let i = 1; i < ramp.length; i++) {
    const [at, rgb] = ramp[i]!;
    if (value > at) continue;
    const [prevAt, prevRgb] = ramp[i - 1]!;
    const t = (value - prevAt) / (at - prevAt);
    return [
      Math.round(prevRgb[0] + (rgb[0] - prevRgb[0]) * t),
      Math.round(prevRgb[1] + (rgb[1] - prevRgb[1]) * t),
      Math.round(prevRgb[2] + (rgb[2] - prevRgb[2]) * t),
      alpha,
    ];
  }
  return [...last[1], alpha];
}

export function cssRgb(rgb: TRgb | TRgba): string {
  return `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})`;
}

/** CSS gradient of a ramp over [0, 1], for the legend. */
export function rampGradientCss(ramp: TRamp): string {
  const stops = ramp.map(([at, rgb]) => `${cssRgb(rgb)} ${Math.round(at * 100)}%`);
  return `linear-gradient(90deg, ${stops.join(", ")})`;
}
