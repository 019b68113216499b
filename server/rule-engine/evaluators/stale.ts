import { formatDuration } from "../format-duration";
import { isoAt, type TEvaluatorFactory, type TReading } from "./types";

/**
 * Watches entities that have reported at least once: the engine cannot tell a
 * sensor that is silent from one it has not heard of yet. Seed it at start by
 * evaluating the latest event per entity from city state.
 */
export const createStaleEvaluator: TEvaluatorFactory<"stale"> = () => {
  const lastReportMs = new Map<string, number>();
  // Reported once per silence: a silent sensor produces no new observations to update with.
  const flagged = new Set<string>();

  return {
    onEvent(_rule, event, atMs) {
      lastReportMs.set(event.entityId, atMs);
      flagged.delete(event.entityId);
      return [{ entityId: event.entityId, state: "clear", atMs, value: 0, badness: 0, detail: "Reporting again" }];
    },
    onTick(rule, nowMs) {
      const staleMs = rule.params.staleSeconds * 1000;
      const readings: TReading[] = [];
      for (const [entityId, lastMs] of lastReportMs) {
        if (flagged.has(entityId) || nowMs - lastMs < staleMs) continue;
        flagged.add(entityId);
        const silentSeconds = Math.round((nowMs - lastMs) / 1000);
        readings.push({
          entityId,
          state: "trigger",
          atMs: nowMs,
          sinceMs: lastMs + staleMs,
          // The last report, so the episode is named by an event and replays give the same key.
          observedAt: isoAt(lastMs),
          value: silentSeconds,
          badness: silentSeconds,
          detail: `No report since ${isoAt(lastMs)} (limit ${formatDuration(staleMs)})`,
        });
      }
      return readings;
    },
  };
};
