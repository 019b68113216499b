import { describeMetric, digitsApart, formatMetricValue, metricValue } from "../metrics";
import { DescribedReading, type TEvaluatorFactory } from "./types";

export const createOutOfBandEvaluator: TEvaluatorFactory<"outOfBand"> = (index) => ({
  onEvent(rule, event, atMs) {
    const { metric, min, max, clearMargin } = rule.params;
    const value = metricValue(metric, event, index);
    if (value === undefined) return [];
    const outside = value < min || value > max;
    const wellInside = value >= min + clearMargin && value <= max - clearMargin;
    const describe = () => {
      const digits = digitsApart(metric, value, value < min ? min : max);
      const band = `${formatMetricValue(metric, min, digits)} – ${formatMetricValue(metric, max, digits)}`;
      const detail = describeMetric(metric, event, index).replace(
        formatMetricValue(metric, value),
        formatMetricValue(metric, value, digits),
      );
      return `${detail}, ${outside ? "outside" : "within"} ${band}`;
    };
    // Distance outside the band, so an excursion on either side can be the worst.
    const badness = Math.max(min - value, value - max);
    return [new DescribedReading(event.entityId, outside ? "trigger" : wellInside ? "clear" : "hold", atMs, value, badness, describe)];
  },
});
