import { CacheableResponsePlugin, CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, StaleWhileRevalidate } from "serwist";
import { FIELD_PAGE_CACHE, FIELD_ASSET_CACHE, FIELD_STATIC_CACHE, PUSH_HANDLER_PATH } from "./field-sw-config";

/**
 * The field page's service worker (scope /field, built into public/field-sw.js by scripts/build-field-sw.ts).
 * The page reloads without a network: the page itself network-first (a fresh one whenever there is signal,
 * the last one otherwise), Next's hashed assets cache-first, fonts and icons stale-while-revalidate. What the
 * page shows offline comes from its own persisted queries (field-persistence.ts); the API is never cached
 * here. The page hands over the list of what it loaded (CACHE_URLS), so its shell is cached on the first
 * visit rather than the second. Push notifications are the same handler as the control room's (push-sw.js):
 * one worker per scope, one push behaviour.
 */
const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  importScripts: [PUSH_HANDLER_PATH],
  runtimeCaching: [
    {
      // The navigation itself, and the page's own CACHE_URLS request for it (not a navigation, same URL).
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname === "/field" && url.search === "",
      handler: new NetworkFirst({
        cacheName: FIELD_PAGE_CACHE,
        networkTimeoutSeconds: 6,
        // Next varies the page on router headers a reload does not send: one stored page answers every reload.
        matchOptions: { ignoreVary: true },
        // A redirect to sign-in (an ended session) is not a page to show offline.
        plugins: [new CacheableResponsePlugin({ statuses: [200] })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: FIELD_ASSET_CACHE,
        plugins: [
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 }),
        ],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && /^\/(fonts|icons)\/|^\/(icon\.svg|favicon\.ico|manifest\.webmanifest)$/.test(url.pathname),
      handler: new StaleWhileRevalidate({ cacheName: FIELD_STATIC_CACHE, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
    },
  ],
});

serwist.addEventListeners();
