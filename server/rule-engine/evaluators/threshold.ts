import { readMetric } from "../metrics";
import { isoAt, type TEvaluatorFactory, type TReadingState } from "./types";

export const createThresholdEvaluator: TEvaluatorFactory<"threshold"> = (index) => ({
  onEvent(rule, event, atMs) {
    const { params } = rule;
    const reading = readMetric(params.metric, event, index);
    if (!reading) return [];
    const { value, detail } = reading;
    let state: TReadingState;
    let badness: number;
    if ("openAbove" in params) {
      state = value >= params.openAbove ? "trigger" : value < params.clearBelow ? "clear" : "hold";
      badness = value;
    } else {
      state = value < params.openBelow ? "trigger" : value > params.clearAbove ? "clear" : "hold";
      badness = -value;
    }
    return [{ entityId: event.entityId, state, atMs, observedAt: isoAt(atMs), value, badness, detail }];
  },
});
