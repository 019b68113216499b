import { formatMetricValue, readMetric } from "../metrics";
import { isoAt, type TEvaluatorFactory } from "./types";

export const createOutOfBandEvaluator: TEvaluatorFactory<"outOfBand"> = (index) => ({
  onEvent(rule, event, atMs) {
    const { metric, min, max, clearMargin } = rule.params;
    const reading = readMetric(metric, event, index);
    if (!reading) return [];
    const { value } = reading;
    const outside = value < min || value > max;
    const wellInside = value >= min + clearMargin && value <= max - clearMargin;
    const band = `${formatMetricValue(metric, min)} – ${formatMetricValue(metric, max)}`;
    return [
      {
        entityId: event.entityId,
        state: outside ? "trigger" : wellInside ? "clear" : "hold",
        atMs,
        observedAt: isoAt(atMs),
        value,
        // Distance outside the band, so an excursion on either side can be the worst.
        badness: Math.max(min - value, value - max),
        detail: `${reading.detail}, ${outside ? "outside" : "within"} ${band}`,
      },
    ];
  },
});
