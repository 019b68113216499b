/**
 * How the queue applies pushes and draws rows. "batched" (always, outside browser-test builds): pushes are applied
 * together once per ALERT_BATCH_MS and only the rows in view are drawn. "legacy" (test builds, `?queue=legacy`):
 * each push applied on its own and every row drawn, as before, so bench/alert-storm.ts can measure both in one run.
 */
export type TQueueMode = "batched" | "legacy";

/** Pushes arriving within this are applied as one update (one sort, one render). */
export const ALERT_BATCH_MS = 50;

/**
 * Batches are applied at least this far apart: a lone alert still shows within ALERT_BATCH_MS, but under a storm
 * the control room re-renders a few times a second rather than twenty.
 */
export const ALERT_BATCH_GAP_MS = 250;

const TEST_HOOKS_ENABLED = process.env.NEXT_PUBLIC_TEST_HOOKS === "1";

export function queueMode(): TQueueMode {
  if (!TEST_HOOKS_ENABLED || typeof window === "undefined") return "batched";
  return new URLSearchParams(window.location.search).get("queue") === "legacy" ? "legacy" : "batched";
}

/** performance.measure name around each application of pushed alerts to the caches (read by the storm bench). */
export const QUEUE_APPLY_MEASURE = "citynerve:alert-queue-apply";
