"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 1000;

// One shared ticker so the clock and every "12 s ago" advance on the same beat.
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Wall-clock ms, refreshed every second; null during server render (no clock mismatch on hydration). */
export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

const MINUTE_MS = 60_000;

/**
 * Wall-clock ms floored to the minute, on the same ticker: a component re-renders once a minute rather than
 * every second (useSyncExternalStore skips renders while the snapshot is unchanged). null during server render.
 */
export function useNowMinute(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(now / MINUTE_MS) * MINUTE_MS,
    () => null,
  );
}
