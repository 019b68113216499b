/** Positions go to the server at most this often while sharing is on. */
const POSITION_INTERVAL_MS = 5_000;

/** How long to wait before the next position may be sent: 0 = now. */
export function positionSendDelay(lastSentAt: number | null, now: number, intervalMs = POSITION_INTERVAL_MS): number {
  if (lastSentAt === null) return 0;
  return Math.max(0, lastSentAt + intervalMs - now);
}
