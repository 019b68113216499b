import { digitsApart, formatMetricValue, readMetric } from "../metrics";
import { isoAt, type TEvaluatorFactory } from "./types";

export const createOutOfBandEvaluator: TEvaluatorFactory<"outOfBand"> = (index) => ({
  onEvent(rule, event, atMs) {
    const { metric, min, max, clearMargin } = rule.params;
    const reading = readMetric(metric, event, index);
    if (!reading) return [];
    const { value } = reading;
    const outside = value < min || value > max;
    const wellInside = value >= min + clearMargin && value <= max - clearMargin;
    const digits = digitsApart(metric, value, value < min ? min : max);
    const band = `${formatMetricValue(metric, min, digits)} – ${formatMetricValue(metric, max, digits)}`;
    const detail = reading.detail.replace(formatMetricValue(metric, value), formatMetricValue(metric, value, digits));
    return [
      {
        entityId: event.entityId,
        state: outside ? "trigger" : wellInside ? "clear" : "hold",
        atMs,
        observedAt: isoAt(atMs),
        value,
        // Distance outside the band, so an excursion on either side can be the worst.
        badness: Math.max(min - value, value - max),
        detail: `${detail}, ${outside ? "outside" : "within"} ${band}`,
      },
    ];
  },
});
