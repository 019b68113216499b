import type { TEnergyMeasurement, TOffStreetParking, TTrafficFlowObserved, TWasteContainer } from "@/lib/contracts/events";
import type { TTiledLayer } from "./tile-index";

/**
 * How much each live reading needs attention, on the same scale the map colours it by: a value from "fine" (0)
 * upwards, and the four stops of its ramp (green, yellow, orange, red). The map's ramps are built from these stops
 * (components/map/layers/color-scales.ts), and the hub's per-tile summaries count readings by the stop they reach,
 * so an area drawn red at city zoom holds entities drawn red when zoomed in.
 */
export const ATTENTION_STOPS = {
  /** 1 − speed / free-flow speed: 0 = free flow, 1 = standstill. */
  traffic: [0.15, 0.4, 0.6, 0.85],
  /** Occupancy: 1 − available / total. */
  parking: [0.4, 0.7, 0.85, 0.97],
  /** Filling level, 0–1. */
  waste: [0.3, 0.6, 0.8, 0.95],
  /** Active power / capacity. */
  energy: [0.3, 0.7, 0.9, 1],
} as const satisfies Record<TTiledLayer, readonly [number, number, number, number]>;

export const ATTENTION_LEVELS = ["fine", "elevated", "high", "critical"] as const;
export type TAttentionLevel = 0 | 1 | 2 | 3;

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export function congestionOf(freeFlowKmh: number, flow: TTrafficFlowObserved): number {
  return clamp01(1 - flow.averageVehicleSpeed / freeFlowKmh);
}

export function occupancyOf(status: TOffStreetParking): number {
  return clamp01(1 - status.availableSpotNumber / status.totalSpotNumber);
}

/** Active power over rated capacity; may exceed 1 when overloaded. */
export function loadOf(measurement: TEnergyMeasurement): number {
  return measurement.activePower / measurement.capacity;
}

/** The highest stop a value reaches: below the second stop is fine, at or past the last is critical. */
export function levelOf(layer: TTiledLayer, value: number): TAttentionLevel {
  const stops = ATTENTION_STOPS[layer];
  if (value >= stops[3]) return 3;
  if (value >= stops[2]) return 2;
  if (value >= stops[1]) return 1;
  return 0;
}

/** A bin's alarm outranks its fill: burning is critical, an open lid or vandalism at least high. */
export function wasteLevelOf(container: TWasteContainer): TAttentionLevel {
  const fill = levelOf("waste", container.fillingLevel);
  if (container.status === "burning") return 3;
  return container.status === "ok" ? fill : (Math.max(fill, 2) as TAttentionLevel);
}
