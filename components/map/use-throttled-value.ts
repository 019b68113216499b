"use client";

import { useEffect, useState } from "react";
import { createLatestThrottle } from "./latest-throttle";

/**
 * The value, changing at most once per `intervalMs` (the latest one always arrives, at the end of the interval).
 * Live deltas land ~10 times a second; redrawing every deck.gl layer that often costs a frame each time (a slow
 * one on software WebGL) while nobody reads a map faster than a few updates a second.
 */
export function useThrottledValue<T>(value: T, intervalMs: number | (() => number)): T {
  const [shown, setShown] = useState(value);
  const [throttle] = useState(() => createLatestThrottle<T>(intervalMs, setShown));
  useEffect(() => throttle.offer(value), [throttle, value]);
  useEffect(() => () => throttle.cancel(), [throttle]);
  return shown;
}
