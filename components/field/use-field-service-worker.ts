"use client";

import { useEffect, useState } from "react";
import { FIELD_WORKER_PATH, FIELD_WORKER_SCOPE } from "./service-worker/field-sw-config";

/** The worker is built with the production app (scripts/build-field-sw.ts); `next dev` serves none. */
const HAS_WORKER = process.env.NODE_ENV === "production";

/** What the page loaded that it needs again to start without a network: itself, Next's assets, fonts and icons. */
function shellUrls(): string[] {
  const own = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && /^\/(_next\/static|fonts|icons)\//.test(url.pathname))
    .map((url) => url.href);
  return [FIELD_WORKER_SCOPE, ...new Set(own)];
}

/**
 * Registers the field page's service worker (scope /field) and hands it what this page loaded, so the next
 * start works offline. Returns whether that copy is stored ("available offline").
 */
export function useFieldServiceWorker(): boolean {
  const [isCached, setCached] = useState(false);
  useEffect(() => {
    if (!HAS_WORKER || !("serviceWorker" in navigator)) return;
    let isCurrent = true;
    void (async () => {
      try {
        await navigator.serviceWorker.register(FIELD_WORKER_PATH, { scope: FIELD_WORKER_SCOPE });
        const registration = await navigator.serviceWorker.ready;
        const channel = new MessageChannel();
        const done = new Promise<void>((resolve) => {
          channel.port1.onmessage = () => resolve();
        });
        registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: shellUrls() } }, [channel.port2]);
        await done;
        if (isCurrent) setCached(true);
      } catch (error) {
        // Without the worker the page still works online, and offline from its saved copy while it stays open.
        console.warn("The field page's offline copy could not be set up:", error);
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, []);
  return isCached;
}
