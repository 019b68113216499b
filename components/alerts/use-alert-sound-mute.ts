"use client";

import { useCallback, useSyncExternalStore } from "react";

const STORAGE_KEY = "citynerve.alertSound.muted";
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "true";
  } catch {
    return false; // storage blocked (private mode, policy): sound stays on
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the same browser changed it.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** "Mute alert sound on this browser": a per-browser choice, so localStorage rather than the account. */
export function useAlertSoundMute(): [boolean, (muted: boolean) => void] {
  const muted = useSyncExternalStore(subscribe, read, () => false);
  const setMuted = useCallback((next: boolean) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      // Not persisted; nothing else to do.
    }
    for (const listener of listeners) listener();
  }, []);
  return [muted, setMuted];
}
