import { describeMetric, metricValue } from "../metrics";
import { DescribedReading, type TEvaluatorFactory, type TReadingState } from "./types";

export const createThresholdEvaluator: TEvaluatorFactory<"threshold"> = (index) => ({
  onEvent(rule, event, atMs) {
    const { params } = rule;
    const value = metricValue(params.metric, event, index);
    if (value === undefined) return [];
    let state: TReadingState;
    let badness: number;
    if ("openAbove" in params) {
      state = value >= params.openAbove ? "trigger" : value < params.clearBelow ? "clear" : "hold";
      badness = value;
    } else {
      state = value < params.openBelow ? "trigger" : value > params.clearAbove ? "clear" : "hold";
      badness = -value;
    }
    const { metric } = params;
    return [new DescribedReading(event.entityId, state, atMs, value, badness, () => describeMetric(metric, event, index))];
  },
});
