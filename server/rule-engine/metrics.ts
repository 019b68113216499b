import { fillTemplate, type TBuiltinMetric, type TMetricValue } from "@/lib/contracts/builtin-domain-description";
import { LAYER_BY_EVENT_TYPE, type TCityEvent } from "@/lib/contracts/events";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import type { TAlertMetric } from "@/lib/contracts/rules";
import { BUILTIN_DOMAINS } from "@/lib/domains/builtin-domains";
import type { TEntityIndex } from "./entity-index";

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export const percent = (share: number, digits = 0) => `${(share * 100).toFixed(digits)} %`;

/**
 * A metric as the built-in domains' files describe it (lib/domains/definitions/builtin: `metrics`), made ready to
 * read: which domain's events carry it, how it is derived from one of them and how it is written.
 */
type TMetricReader = {
  domain: TLayer;
  value: TMetricValue;
  unit: string;
  isShare: boolean;
  digits: number;
  sentence: string;
  /** metricValue for this metric, made once: it runs for every event of the domain. */
  read(event: TCityEvent, index: TEntityIndex): number | undefined;
};

function readerOf(domain: TLayer, { value, unit, share, digits, sentence }: TBuiltinMetric): TMetricReader {
  const reader: TMetricReader = { domain, value, unit, isShare: share, digits, sentence, read: () => undefined };
  const { field, per, complement } = value;
  reader.read = (event, index) => {
    if (LAYER_BY_EVENT_TYPE[event.type] !== domain) return undefined;
    const reading = numberOf(event, field);
    if (reading === undefined) return undefined;
    let share = reading;
    if (per !== undefined) {
      const divisor = typeof per === "string" ? numberOf(event, per) : index.entityNumbers(per.entity).get(event.entityId);
      if (!divisor) return undefined;
      share = reading / divisor;
    }
    return complement ? 1 - share : share;
  };
  return reader;
}

const READERS = Object.fromEntries(
  LAYERS.flatMap((domain) => BUILTIN_DOMAINS[domain].metrics.map((metric) => [metric.name, readerOf(domain, metric)])),
) as Record<TAlertMetric, TMetricReader>;

const fieldOf = (event: TCityEvent, name: string): unknown => (event as unknown as Record<string, unknown>)[name];

function numberOf(event: TCityEvent, name: string): number | undefined {
  const value = fieldOf(event, name);
  return typeof value === "number" ? value : undefined;
}

/** What the metric is a share of for this event (a field of it, or the pack's number for its entity), if anything. */
function divisorOf({ value }: TMetricReader, event: TCityEvent, index: TEntityIndex): number | undefined {
  if (value.per === undefined) return undefined;
  return typeof value.per === "string" ? numberOf(event, value.per) : index.entityNumbers(value.per.entity).get(event.entityId);
}

export function formatMetricValue(metric: TAlertMetric, value: number, digits = READERS[metric].digits): string {
  const { isShare, unit } = READERS[metric];
  return isShare ? percent(value, digits) : `${value.toFixed(digits)} ${unit}`;
}

/**
 * The fewest decimals (from the metric's own, up to three more) at which a value past a limit does not read
 * the same as the limit: "59.985 Hz, outside 59.990 Hz – 60.010 Hz", never "59.99 Hz, outside 59.99 Hz – …".
 */
export function digitsApart(metric: TAlertMetric, value: number, limit: number): number {
  const base = READERS[metric].digits;
  let digits = base;
  while (digits < base + 3 && value !== limit && formatMetricValue(metric, value, digits) === formatMetricValue(metric, limit, digits))
    digits += 1;
  return digits;
}

/**
 * The metric's value for one event; undefined when the event is of another domain, lacks a field it reads, or its
 * entity has no number in the city pack to divide by. Every event of a rule's domain is read; its sentence
 * (describeMetric) only when an alert shows it.
 */
export function metricValue(metric: TAlertMetric, event: TCityEvent, index: TEntityIndex): number | undefined {
  return READERS[metric].read(event, index);
}

/** A sentence an operator can read about the metric's value, for an event metricValue gave a value for. */
export function describeMetric(metric: TAlertMetric, event: TCityEvent, index: TEntityIndex): string {
  const reader = READERS[metric];
  const value = metricValue(metric, event, index) ?? Number.NaN;
  const written = (x: unknown) => (typeof x === "number" ? NUMBER.format(x) : String(x));
  return (
    fillTemplate(reader.sentence, (name) => {
      if (name === "value") return formatMetricValue(metric, value);
      if (name === "per") return written(divisorOf(reader, event, index) ?? Number.NaN);
      const field = fieldOf(event, name);
      return field === undefined ? null : written(field);
    }) ?? ""
  );
}
