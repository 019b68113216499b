/** performance.measure name around each map frame, in test builds (bench/alert-storm.ts reads them). */
export const MAP_FRAME_MEASURE = "citynerve:map-frame";

/**
 * How often the map may redraw for live data so that its frames take about `share` of the main thread. Each
 * frame's cost is recorded (hundreds of ms on software WebGL, where the compositor waits for the rasteriser; a
 * frame's 16 ms with a graphics card); the interval between live redraws is the recent cost divided by the share,
 * kept between `minIntervalMs` and `maxIntervalMs`. Redraws for the operator (selection, visibility, zoom) are not
 * throttled.
 */
export function createFrameBudget({
  minIntervalMs,
  maxIntervalMs,
  share,
}: {
  minIntervalMs: number;
  maxIntervalMs: number;
  share: number;
}) {
  // Smoothed over the last few frames: one slow frame (a shader compiled) does not slow the map for long.
  let costMs = 0;
  return {
    record(frameMs: number): void {
      costMs = costMs === 0 ? frameMs : costMs * 0.6 + frameMs * 0.4;
    },
    intervalMs(): number {
      return Math.min(maxIntervalMs, Math.max(minIntervalMs, costMs / share));
    },
  };
}
