/**
 * A flush may take this share of the event loop at most (1 / factor): the gap after a flush is this many
 * times its duration. Many clients make flushes long, and the gap grows back towards the fixed window.
 */
export const FLUSH_COST_FACTOR = 10;

/**
 * How long after a flush the next changes may go out in the adaptive window: as soon as `minMs` when
 * flushing is cheap, never later than `maxMs` (the fixed window, DELTA_FLUSH_MS).
 */
export function nextFlushGapMs(lastFlushDurationMs: number, bounds: { minMs: number; maxMs: number }): number {
  const minMs = Math.min(bounds.minMs, bounds.maxMs);
  return Math.min(bounds.maxMs, Math.max(minMs, lastFlushDurationMs * FLUSH_COST_FACTOR));
}
