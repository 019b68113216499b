"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The value, changing at most once per `intervalMs` (the latest one always arrives, at the end of the interval).
 * Live deltas land ~10 times a second; redrawing every deck.gl layer that often costs a frame each time (a slow
 * one on software WebGL) while nobody reads a map faster than a few updates a second.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const wait = lastShownAt.current + intervalMs - Date.now();
    if (wait <= 0) {
      lastShownAt.current = Date.now();
      setShown(value);
      return;
    }
    timer.current = setTimeout(() => {
      lastShownAt.current = Date.now();
      setShown(value);
    }, wait);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [value, intervalMs]);

  return shown;
}
