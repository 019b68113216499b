import { FIELD_PAGE_CACHE } from "./field-sw-config";

/** Drops the field page kept for offline reloads: it is the signed-in crew member's page, not the next user's. */
export async function forgetOfflinePage(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete(FIELD_PAGE_CACHE).catch(() => false);
}
