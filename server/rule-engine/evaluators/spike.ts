import { describeMetric, formatMetricValue, metricValue } from "../metrics";
import { formatDuration } from "../format-duration";
import { DescribedReading, type TEvaluatorFactory, type TReading } from "./types";

type TSample = { atMs: number; value: number };
type TEntityHistory = {
  /** Samples within the window with ascending values: the first is the window's minimum. */
  minima: TSample[];
  /** Where the current spike started from; held until the value falls back near it. */
  baseline: TSample | null;
};

export const createSpikeEvaluator: TEvaluatorFactory<"spike"> = (index) => {
  const histories = new Map<string, TEntityHistory>();

  return {
    onEvent(rule, event, atMs) {
      const { metric, rise, withinSeconds, clearRise } = rule.params;
      const value = metricValue(metric, event, index);
      if (value === undefined) return [];
      let history = histories.get(event.entityId);
      if (!history) histories.set(event.entityId, (history = { minima: [], baseline: null }));
      const { minima } = history;
      while (minima.length > 0 && minima[0].atMs < atMs - withinSeconds * 1000) minima.shift();

      let state: TReading["state"];
      if (history.baseline) {
        const risen = value - history.baseline.value;
        state = risen > rise ? "trigger" : risen <= clearRise ? "clear" : "hold";
      } else {
        state = minima.length > 0 && value - minima[0].value > rise ? "trigger" : "clear";
        if (state === "trigger") history.baseline = minima[0];
      }
      const baseline = history.baseline ?? minima[0] ?? { atMs, value };
      if (state === "clear") history.baseline = null;

      while (minima.length > 0 && minima.at(-1)!.value >= value) minima.pop();
      minima.push({ atMs, value });

      const risen = value - baseline.value;
      const describe = () =>
        `${describeMetric(metric, event, index)}, ${risen >= 0 ? "up" : "down"} ${formatMetricValue(metric, Math.abs(risen))} from ${formatMetricValue(metric, baseline.value)} ${formatDuration(atMs - baseline.atMs)} earlier`;
      return [new DescribedReading(event.entityId, state, atMs, value, risen, describe)];
    },
  };
};
