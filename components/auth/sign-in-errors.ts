/** What the sign-in form says when better-auth refuses, by HTTP status. */
export function describeSignInError(status: number, retryAfterSeconds: number | null, serverMessage?: string): string {
  if (status === 429) {
    const wait = retryAfterSeconds && retryAfterSeconds > 0 ? formatWait(retryAfterSeconds) : "a minute";
    return `Too many sign-in attempts. Try again in ${wait}.`;
  }
  if (status === 401) return "Wrong email or password.";
  if (status === 403) return serverMessage ? `Sign-in refused: ${serverMessage}` : "This account is disabled. Ask an administrator.";
  if (status === 400 || status === 422) return "Enter a valid email address and your password.";
  if (status === 503) {
    const wait = formatWait(retryAfterSeconds && retryAfterSeconds > 0 ? retryAfterSeconds : 5);
    return `Sign-in is unavailable: the server cannot reach its database. Try again in ${wait}.`;
  }
  if (status === 0) return "Cannot reach the server. Check the connection and try again.";
  return "Sign-in failed on the server. Try again in a moment.";
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** Retry-After (standard) or X-Retry-After (better-auth's limiter), in whole seconds. */
export function readRetryAfter(headers: Headers): number | null {
  const raw = headers.get("Retry-After") ?? headers.get("X-Retry-After");
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(raw); // Retry-After may also be an HTTP date
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
