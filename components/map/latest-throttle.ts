/**
 * Shows values at most once per `intervalMs`: the first at once, later ones at the end of the interval, and
 * only the latest of those offered meanwhile (a redraw of stale data is wasted work). A function interval is
 * read at each offer (the map's frame budget lengthens it while frames are slow).
 */
export function createLatestThrottle<T>(intervalMs: number | (() => number), show: (value: T) => void, now: () => number = Date.now) {
  const interval = typeof intervalMs === "function" ? intervalMs : () => intervalMs;
  let lastShownAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: T;

  const showNow = (value: T) => {
    lastShownAt = now();
    show(value);
  };

  return {
    offer(value: T): void {
      latest = value;
      if (timer) return;
      const wait = lastShownAt + interval() - now();
      if (wait <= 0) {
        showNow(value);
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        showNow(latest);
      }, wait);
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
