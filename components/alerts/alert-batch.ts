import type { TAlert } from "@/lib/contracts/alerts";
import { ALERT_BATCH_GAP_MS, ALERT_BATCH_MS, QUEUE_APPLY_MEASURE, queueMode } from "./queue-mode";

/**
 * Pushed alerts wait ALERT_BATCH_MS, and until ALERT_BATCH_GAP_MS since the last batch, and are applied together
 * (queue-mode.ts); measured for the storm bench.
 */
export function createAlertBatch(apply: (alerts: TAlert[]) => void, isLegacy = queueMode() === "legacy", now = () => performance.now()) {
  let pending: TAlert[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastAppliedAt = Number.NEGATIVE_INFINITY;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const start = now();
    apply(batch);
    lastAppliedAt = now();
    performance.measure(QUEUE_APPLY_MEASURE, { start, end: lastAppliedAt, detail: { alerts: batch.length } });
  };
  return {
    add(alert: TAlert) {
      pending.push(alert);
      if (isLegacy) flush();
      else timer ??= setTimeout(flush, Math.max(ALERT_BATCH_MS, lastAppliedAt + ALERT_BATCH_GAP_MS - now()));
    },
    flush,
  };
}
