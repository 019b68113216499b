import { ROAD_CLASSES } from "@/lib/contracts/city-pack";
import type { TTags } from "./read-osm";

type TRoadClass = (typeof ROAD_CLASSES)[number];

type TRoadDefaults = {
  /** Posted speed typical for a small US town, converted to km/h. */
  speedKmh: number;
  /** Total lanes (both directions) when the way has no lanes tag. */
  lanes: number;
  /** Practical per-lane throughput, lower on streets with signals and driveways. */
  laneCapacityVph: number;
};

const MPH_TO_KMH = 1.609344;
const mph = (v: number) => Math.round(v * MPH_TO_KMH * 10) / 10;

const ROAD_DEFAULTS: Record<TRoadClass, TRoadDefaults> = {
  motorway: { speedKmh: mph(70), lanes: 4, laneCapacityVph: 1900 },
  trunk: { speedKmh: mph(55), lanes: 4, laneCapacityVph: 1600 },
  primary: { speedKmh: mph(35), lanes: 2, laneCapacityVph: 1000 },
  secondary: { speedKmh: mph(30), lanes: 2, laneCapacityVph: 850 },
  tertiary: { speedKmh: mph(30), lanes: 2, laneCapacityVph: 750 },
  residential: { speedKmh: mph(25), lanes: 2, laneCapacityVph: 550 },
  unclassified: { speedKmh: mph(25), lanes: 2, laneCapacityVph: 500 },
  service: { speedKmh: mph(15), lanes: 1, laneCapacityVph: 300 },
};

/**
 * OSM highway value → routable class, or undefined for anything cars do not use
 * (footway, path, cycleway, steps, track, ...). Links and living streets fold into
 * the nearest class.
 */
export function toRoadClass(highway: string | undefined): TRoadClass | undefined {
  if (!highway) return undefined;
  const base = highway.replace(/_link$/, "");
  if (base === "living_street") return "residential";
  return (ROAD_CLASSES as readonly string[]).includes(base) ? (base as TRoadClass) : undefined;
}

/** "35 mph" → 56.3; "50" → 50 (OSM's unit-less values are km/h); anything else → undefined. */
export function parseMaxspeedKmh(tag: string | undefined): number | undefined {
  const m = tag?.trim().match(/^(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?$/i);
  if (!m) return undefined;
  const value = Number(m[1]);
  if (!(value > 0)) return undefined;
  return m[2]?.toLowerCase() === "mph" ? mph(value) : value;
}

type TOnewayDirection = "both" | "forward" | "reverse";

export function onewayDirection(tags: TTags, roadClass: TRoadClass): TOnewayDirection {
  const v = tags.oneway;
  if (v === "-1" || v === "reverse") return "reverse";
  if (v === "yes" || v === "true" || v === "1") return "forward";
  if (v === "no" || v === "false" || v === "0") return "both";
  return roadClass === "motorway" || tags.junction === "roundabout" ? "forward" : "both";
}

export function roadAttributes(tags: TTags, roadClass: TRoadClass) {
  const defaults = ROAD_DEFAULTS[roadClass];
  const direction = onewayDirection(tags, roadClass);
  const tagged = Number.parseInt(tags.lanes ?? "", 10);
  const lanes = tagged >= 1 ? tagged : direction === "both" ? defaults.lanes : Math.max(1, Math.ceil(defaults.lanes / 2));
  return {
    direction,
    lanes,
    freeFlowKmh: parseMaxspeedKmh(tags.maxspeed) ?? defaults.speedKmh,
    capacityVph: lanes * defaults.laneCapacityVph,
  };
}
