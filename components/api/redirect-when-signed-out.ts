import { ApiRequestError } from "./request-json";

/**
 * A session that ended while the page was open (expiry, sign-out elsewhere, disabled): back to sign-in,
 * returning here afterwards. Query and mutation caches call it on every error.
 */
export function redirectWhenSignedOut(error: unknown): void {
  if (error instanceof ApiRequestError && error.status === 401 && window.location.pathname !== "/sign-in") {
    const next = `${window.location.pathname}${window.location.search}`;
    window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
  }
}
