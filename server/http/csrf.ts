const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated requests: a state-changing request must come from one of our
 * own origins. Browsers always send Origin on such requests (and cannot forge it); without one, Fetch
 * Metadata must say same-origin. Anything else is refused, failing closed.
 */
export function isCrossSiteRequest(request: Request, trustedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin) return !trustedOrigins.includes(origin);
  return request.headers.get("sec-fetch-site") !== "same-origin";
}
