import type { TEvaluatorFactory } from "./types";

export const createStatusEvaluator: TEvaluatorFactory<"status"> = () => ({
  onEvent(rule, event, atMs) {
    if (event.type !== "WasteContainer") return [];
    const rank = rule.params.statuses.indexOf(event.status as (typeof rule.params.statuses)[number]);
    return [
      {
        entityId: event.entityId,
        state: rank >= 0 ? "trigger" : "clear",
        atMs,
        value: event.status,
        // Statuses listed first are the worse ones.
        badness: rank >= 0 ? rule.params.statuses.length - rank : 0,
        detail: `Bin status ${event.status}`,
      },
    ];
  },
});
