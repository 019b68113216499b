import { formatMetricValue, readMetric } from "../metrics";
import { formatDuration } from "../format-duration";
import { isoAt, type TEvaluatorFactory, type TReading } from "./types";

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
      const reading = readMetric(metric, event, index);
      if (!reading) return [];
      const history = histories.get(event.entityId) ?? { minima: [], baseline: null };
      histories.set(event.entityId, history);
      const { minima } = history;
      while (minima.length > 0 && minima[0].atMs < atMs - withinSeconds * 1000) minima.shift();

      let state: TReading["state"];
      if (history.baseline) {
        const risen = reading.value - history.baseline.value;
        state = risen > rise ? "trigger" : risen <= clearRise ? "clear" : "hold";
      } else {
        state = minima.length > 0 && reading.value - minima[0].value > rise ? "trigger" : "clear";
        if (state === "trigger") history.baseline = minima[0];
      }
      const baseline = history.baseline ?? minima[0] ?? { atMs, value: reading.value };
      if (state === "clear") history.baseline = null;

      while (minima.length > 0 && minima.at(-1)!.value >= reading.value) minima.pop();
      minima.push({ atMs, value: reading.value });

      const risen = reading.value - baseline.value;
      const detail = `${reading.detail}, ${risen >= 0 ? "up" : "down"} ${formatMetricValue(metric, Math.abs(risen))} from ${formatMetricValue(metric, baseline.value)} ${formatDuration(atMs - baseline.atMs)} earlier`;
      return [{ entityId: event.entityId, state, atMs, observedAt: isoAt(atMs), value: reading.value, badness: risen, detail }];
    },
  };
};
