import { z } from "zod";
import type { TLayer } from "./layers";

/**
 * Sensor events, shaped after FIWARE Smart Data Models (TrafficFlowObserved,
 * OffStreetParking, WasteContainer, energy measurements) plus responder units.
 * One schema set, parsed by the server on ingest and typed in the browser.
 */
const ZLonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const base = {
  /** Unique event id; used for idempotency downstream. */
  id: z.string().min(1).max(128),
  /** Id of the city-pack entity the event describes. */
  entityId: z.string().min(1).max(128),
  observedAt: z.iso.datetime({ offset: true }),
};

export const ZTrafficFlowObserved = z.object({
  ...base,
  type: z.literal("TrafficFlowObserved"),
  /** Vehicles per hour over the observation window. */
  intensity: z.number().min(0).max(20_000),
  /** km/h */
  averageVehicleSpeed: z.number().min(0).max(250),
  /** Share of time the detector was occupied, 0–1. */
  occupancy: z.number().min(0).max(1),
  congested: z.boolean(),
});

export const ZOffStreetParking = z
  .object({
    ...base,
    type: z.literal("OffStreetParking"),
    availableSpotNumber: z.number().int().min(0),
    totalSpotNumber: z.number().int().min(1).max(100_000),
  })
  .refine((e) => e.availableSpotNumber <= e.totalSpotNumber, {
    message: "availableSpotNumber exceeds totalSpotNumber",
    path: ["availableSpotNumber"],
  });

export const WASTE_STATUSES = ["ok", "lidOpen", "burning", "vandalised"] as const;
export const ZWasteContainer = z.object({
  ...base,
  type: z.literal("WasteContainer"),
  /** 0 = empty, 1 = full. */
  fillingLevel: z.number().min(0).max(1),
  status: z.enum(WASTE_STATUSES),
  /** °C */
  temperature: z.number().min(-60).max(1000),
});

export const ZEnergyMeasurement = z.object({
  ...base,
  type: z.literal("EnergyMeasurement"),
  /** Which grid asset: a substation or one of its feeder lines. */
  assetKind: z.enum(["substation", "feeder"]),
  /** kW */
  activePower: z.number().min(0).max(1_000_000),
  /** kW rating of the asset. */
  capacity: z.number().positive().max(1_000_000),
  /** V (line-to-line) */
  voltage: z.number().min(0).max(1_000_000),
  /** Hz */
  frequency: z.number().min(40).max(70),
});

export const UNIT_TYPES = ["police", "fire", "ems", "sanitation", "utility"] as const;
export const ZUnitType = z.enum(UNIT_TYPES);
export type TUnitType = z.infer<typeof ZUnitType>;

export const UNIT_STATUSES = ["available", "dispatched", "enRoute", "onScene", "returning", "outOfService"] as const;
export const ZUnitStatus = z.enum(UNIT_STATUSES);
export type TUnitStatus = z.infer<typeof ZUnitStatus>;

export const ZUnitPosition = z.object({
  ...base,
  type: z.literal("UnitPosition"),
  location: ZLonLat,
  /** degrees clockwise from north */
  heading: z.number().min(0).max(360),
  /** km/h */
  speed: z.number().min(0).max(300),
  status: ZUnitStatus,
});

export const ZCityEvent = z.discriminatedUnion("type", [
  ZTrafficFlowObserved,
  ZOffStreetParking,
  ZWasteContainer,
  ZEnergyMeasurement,
  ZUnitPosition,
]);

export type TTrafficFlowObserved = z.infer<typeof ZTrafficFlowObserved>;
export type TOffStreetParking = z.infer<typeof ZOffStreetParking>;
export type TWasteContainer = z.infer<typeof ZWasteContainer>;
export type TEnergyMeasurement = z.infer<typeof ZEnergyMeasurement>;
export type TUnitPosition = z.infer<typeof ZUnitPosition>;
export type TCityEvent = z.infer<typeof ZCityEvent>;
type TCityEventType = TCityEvent["type"];

export const LAYER_BY_EVENT_TYPE: Record<TCityEventType, TLayer> = {
  TrafficFlowObserved: "traffic",
  OffStreetParking: "parking",
  WasteContainer: "waste",
  EnergyMeasurement: "energy",
  UnitPosition: "units",
};

/** The event type each layer carries (used to reject an event on the wrong topic). */
export type TEventOfLayer = {
  traffic: TTrafficFlowObserved;
  parking: TOffStreetParking;
  waste: TWasteContainer;
  energy: TEnergyMeasurement;
  units: TUnitPosition;
};

export function layerOf(event: TCityEvent): TLayer {
  return LAYER_BY_EVENT_TYPE[event.type];
}
