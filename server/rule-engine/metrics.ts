import type { TAlertMetric } from "@/lib/contracts/rules";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TEntityIndex } from "./entity-index";

/** A metric's value for one event, with a sentence an operator can read. */
type TMetricReading = { value: number; detail: string };

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export const percent = (share: number, digits = 0) => `${(share * 100).toFixed(digits)} %`;

/** Decimals each metric is written with (percentages as shares: 0 → "93 %"). */
const METRIC_DIGITS: Partial<Record<TAlertMetric, number>> = { temperature: 1, frequency: 2, voltageShare: 1 };

export function formatMetricValue(metric: TAlertMetric, value: number, digits = METRIC_DIGITS[metric] ?? 0): string {
  switch (metric) {
    case "temperature":
      return `${value.toFixed(digits)} °C`;
    case "frequency":
      return `${value.toFixed(digits)} Hz`;
    default:
      return percent(value, digits);
  }
}

/**
 * The fewest decimals (from the metric's own, up to three more) at which a value past a limit does not read
 * the same as the limit: "59.985 Hz, outside 59.990 Hz – 60.010 Hz", never "59.99 Hz, outside 59.99 Hz – …".
 */
export function digitsApart(metric: TAlertMetric, value: number, limit: number): number {
  const base = METRIC_DIGITS[metric] ?? 0;
  let digits = base;
  while (digits < base + 3 && value !== limit && formatMetricValue(metric, value, digits) === formatMetricValue(metric, limit, digits))
    digits += 1;
  return digits;
}

/** undefined when the event carries no such metric or the entity is missing from the city pack. */
export function readMetric(metric: TAlertMetric, event: TCityEvent, index: TEntityIndex): TMetricReading | undefined {
  switch (metric) {
    case "speedShare": {
      if (event.type !== "TrafficFlowObserved") return undefined;
      const freeFlow = index.segments.get(event.entityId)?.freeFlowKmh;
      if (!freeFlow) return undefined;
      const value = event.averageVehicleSpeed / freeFlow;
      return {
        value,
        detail: `Speed ${NUMBER.format(event.averageVehicleSpeed)} km/h is ${percent(value)} of free flow (${NUMBER.format(freeFlow)} km/h)`,
      };
    }
    case "occupancy": {
      if (event.type !== "OffStreetParking") return undefined;
      const value = 1 - event.availableSpotNumber / event.totalSpotNumber;
      return { value, detail: `Occupancy ${percent(value)} (${event.availableSpotNumber} of ${event.totalSpotNumber} spaces free)` };
    }
    case "fillingLevel":
      return event.type === "WasteContainer"
        ? { value: event.fillingLevel, detail: `Fill level ${percent(event.fillingLevel)}` }
        : undefined;
    case "temperature":
      return event.type === "WasteContainer"
        ? { value: event.temperature, detail: `Temperature ${formatMetricValue("temperature", event.temperature)}` }
        : undefined;
    case "loadShare": {
      if (event.type !== "EnergyMeasurement") return undefined;
      const value = event.activePower / event.capacity;
      return {
        value,
        detail: `Load ${NUMBER.format(event.activePower)} kW is ${percent(value)} of capacity (${NUMBER.format(event.capacity)} kW)`,
      };
    }
    case "voltageShare": {
      if (event.type !== "EnergyMeasurement") return undefined;
      const nominal = index.nominalVoltageV.get(event.entityId);
      if (!nominal) return undefined;
      const value = event.voltage / nominal;
      return {
        value,
        detail: `Voltage ${NUMBER.format(event.voltage)} V is ${percent(value, 1)} of nominal (${NUMBER.format(nominal)} V)`,
      };
    }
    case "frequency":
      return event.type === "EnergyMeasurement"
        ? { value: event.frequency, detail: `Frequency ${formatMetricValue("frequency", event.frequency)}` }
        : undefined;
  }
}
