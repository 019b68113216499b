import type { TAlertMetric } from "@/lib/contracts/rules";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TEntityIndex } from "./entity-index";

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

/**
 * The metric's value for one event; undefined when the event carries no such metric or the entity is missing from the
 * city pack. Every event of a rule's domain is read; its sentence (describeMetric) only when an alert shows it.
 */
export function metricValue(metric: TAlertMetric, event: TCityEvent, index: TEntityIndex): number | undefined {
  switch (metric) {
    case "speedShare": {
      if (event.type !== "TrafficFlowObserved") return undefined;
      const freeFlow = index.segments.get(event.entityId)?.freeFlowKmh;
      return freeFlow ? event.averageVehicleSpeed / freeFlow : undefined;
    }
    case "occupancy":
      return event.type === "OffStreetParking" ? 1 - event.availableSpotNumber / event.totalSpotNumber : undefined;
    case "fillingLevel":
      return event.type === "WasteContainer" ? event.fillingLevel : undefined;
    case "temperature":
      return event.type === "WasteContainer" ? event.temperature : undefined;
    case "loadShare":
      return event.type === "EnergyMeasurement" ? event.activePower / event.capacity : undefined;
    case "voltageShare": {
      if (event.type !== "EnergyMeasurement") return undefined;
      const nominal = index.nominalVoltageV.get(event.entityId);
      return nominal ? event.voltage / nominal : undefined;
    }
    case "frequency":
      return event.type === "EnergyMeasurement" ? event.frequency : undefined;
  }
}

/** A sentence an operator can read about the metric's value, for an event metricValue gave a value for. */
export function describeMetric(metric: TAlertMetric, event: TCityEvent, index: TEntityIndex): string {
  const value = metricValue(metric, event, index) ?? Number.NaN;
  switch (event.type) {
    case "TrafficFlowObserved": {
      const freeFlow = index.segments.get(event.entityId)?.freeFlowKmh ?? Number.NaN;
      return `Speed ${NUMBER.format(event.averageVehicleSpeed)} km/h is ${percent(value)} of free flow (${NUMBER.format(freeFlow)} km/h)`;
    }
    case "OffStreetParking":
      return `Occupancy ${percent(value)} (${event.availableSpotNumber} of ${event.totalSpotNumber} spaces free)`;
    case "WasteContainer":
      return metric === "temperature" ? `Temperature ${formatMetricValue("temperature", value)}` : `Fill level ${percent(value)}`;
    case "EnergyMeasurement":
      if (metric === "loadShare") {
        return `Load ${NUMBER.format(event.activePower)} kW is ${percent(value)} of capacity (${NUMBER.format(event.capacity)} kW)`;
      }
      if (metric === "voltageShare") {
        const nominal = index.nominalVoltageV.get(event.entityId) ?? Number.NaN;
        return `Voltage ${NUMBER.format(event.voltage)} V is ${percent(value, 1)} of nominal (${NUMBER.format(nominal)} V)`;
      }
      return `Frequency ${formatMetricValue("frequency", value)}`;
    case "UnitPosition":
      return "";
  }
}
