"use client";

import { onlineManager } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";

/**
 * Online as TanStack Query sees it (the browser's online/offline events): the same signal that pauses
 * and resumes the queued actions, so the banner and the queue never disagree.
 */
export function useOnline(): boolean {
  useEffect(() => {
    // onlineManager starts out assuming online; a page opened offline must say so before the first event.
    if (!navigator.onLine) onlineManager.setOnline(false);
  }, []);
  return useSyncExternalStore(
    (listener) => onlineManager.subscribe(listener),
    () => onlineManager.isOnline(),
    () => true,
  );
}
