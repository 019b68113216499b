import { ZRuleDefinition, type TAlertSignal, type TRuleDefinition, type TRuleKind, type TRuleOfKind } from "@/lib/contracts/alerts";
import type { TCityEvent, TEnergyMeasurement, TWasteContainer } from "@/lib/contracts/events";
import type { TRuleEngine } from "./rule-engine";

/** Builders for the alert tests: times are seconds after T0, entities are the tiny city's. */
export const T0_MS = Date.parse("2026-11-24T13:00:00Z");
export const msAt = (seconds: number) => T0_MS + seconds * 1000;
export const isoAt = (seconds: number) => new Date(msAt(seconds)).toISOString();

const base = (entityId: string, seconds: number) => ({ id: `${entityId}@${seconds}`, entityId, observedAt: isoAt(seconds) });

export const traffic = (entityId: string, seconds: number, averageVehicleSpeed: number): TCityEvent => ({
  ...base(entityId, seconds),
  type: "TrafficFlowObserved",
  intensity: 900,
  averageVehicleSpeed,
  occupancy: 0.3,
  congested: false,
});

export const parking = (entityId: string, seconds: number, availableSpotNumber: number, totalSpotNumber = 120): TCityEvent => ({
  ...base(entityId, seconds),
  type: "OffStreetParking",
  availableSpotNumber,
  totalSpotNumber,
});

export const waste = (entityId: string, seconds: number, reading: Partial<Pick<TWasteContainer, "fillingLevel" | "status" | "temperature">>): TCityEvent => ({
  ...base(entityId, seconds),
  type: "WasteContainer",
  fillingLevel: 0.3,
  status: "ok",
  temperature: 10,
  ...reading,
});

export const energy = (
  entityId: string,
  seconds: number,
  reading: Partial<Pick<TEnergyMeasurement, "assetKind" | "activePower" | "capacity" | "voltage" | "frequency">>,
): TCityEvent => ({
  ...base(entityId, seconds),
  type: "EnergyMeasurement",
  assetKind: "feeder",
  activePower: 1_000,
  capacity: 3_000,
  voltage: 13_200,
  frequency: 60,
  ...reading,
});

type TRuleInput = Omit<TRuleDefinition, "name" | "description" | "enabled" | "severity"> & Partial<Pick<TRuleDefinition, "severity" | "enabled">>;
/** A parsed rule of the given kind, so tests can spread it and change its params. */
export const rule = <K extends TRuleKind>(input: Omit<TRuleInput, "kind"> & { kind: K }) =>
  ZRuleDefinition.parse({ name: input.id, description: "", severity: "major", enabled: true, ...input }) as TRuleOfKind<K>;

/** Feeds events in order, ticking at each event's time as the server's timer would. */
export function feed(engine: TRuleEngine, events: readonly TCityEvent[]): TAlertSignal[] {
  return events.flatMap((event) => [...engine.evaluate(event), ...engine.tick(Date.parse(event.observedAt))]);
}

/** Seconds from..to (inclusive) every step. */
export const every = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

export const kinds = (signals: readonly TAlertSignal[]) => signals.map((s) => s.kind);
