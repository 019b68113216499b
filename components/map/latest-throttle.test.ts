import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLatestThrottle } from "./latest-throttle";

describe("createLatestThrottle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setUp = () => {
    const shown: number[] = [];
    const throttle = createLatestThrottle<number>(250, (v) => shown.push(v));
    return { shown, throttle };
  };

  it("shows the first value at once and only the latest of a burst at the end of the interval", () => {
    const { shown, throttle } = setUp();
    throttle.offer(1);
    expect(shown).toEqual([1]);
    for (const v of [2, 3, 4]) throttle.offer(v);
    expect(shown).toEqual([1]);
    vi.advanceTimersByTime(249);
    expect(shown).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([1, 4]);
  });

  it("keeps showing under a steady stream faster than the interval (never starved)", () => {
    const { shown, throttle } = setUp();
    for (let i = 0; i < 100; i++) {
      throttle.offer(i);
      vi.advanceTimersByTime(100);
    }
    // 10 s of offers every 100 ms: about one shown per 250 ms, each the latest offered by then.
    expect(shown.length).toBeGreaterThanOrEqual(38);
    expect(shown.length).toBeLessThanOrEqual(42);
    vi.advanceTimersByTime(250);
    expect(shown.at(-1)).toBe(99);
  });

  it("shows a value offered after a quiet spell at once, and nothing after cancel", () => {
    const { shown, throttle } = setUp();
    throttle.offer(1);
    vi.advanceTimersByTime(1_000);
    throttle.offer(2);
    expect(shown).toEqual([1, 2]);
    throttle.offer(3);
    throttle.cancel();
    vi.advanceTimersByTime(1_000);
    expect(shown).toEqual([1, 2]);
  });

  it("reads a function interval at each offer", () => {
    const shown: number[] = [];
    let intervalMs = 250;
    const throttle = createLatestThrottle<number>(
      () => intervalMs,
      (v) => shown.push(v),
    );
    throttle.offer(1);
    intervalMs = 1_000;
    throttle.offer(2);
    vi.advanceTimersByTime(999);
    expect(shown).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([1, 2]);
  });
});
