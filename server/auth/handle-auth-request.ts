import { classifyDatabaseFailure } from "@/server/db/is-database-unavailable";
import type { TDatabasePing } from "@/server/db/ping-database";
import { isCrossSiteRequest } from "@/server/http/csrf";
import { apiError, DATABASE_RETRY_AFTER_SECONDS, json } from "@/server/http/responses";
import { getRuntime } from "@/server/runtime-registry";
import { AUTH_BASE_PATH } from "./create-auth";

/**
 * The better-auth endpoints browsers may reach. Everything else it offers (its admin API, sign-up,
 * profile and password changes, …) is not routed: user management goes through /api/admin, which
 * audits every change. Server code still calls those endpoints through auth.api.
 */
const ROUTED: Readonly<Record<string, RegExp>> = {
  GET: /^\/(get-session|callback\/[a-z0-9-]+|ok|error)$/,
  POST: /^\/(sign-in\/email|sign-in\/social|sign-out)$/,
};

export const AUTH_UNAVAILABLE_MESSAGE = "Sign-in is unavailable: the server cannot reach its database. Try again in a few seconds.";

export async function handleAuthRequest(request: Request): Promise<Response> {
  const runtime = getRuntime();
  if (!runtime) return apiError(503, "Starting up, try again in a moment");
  const path = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length);
  if (!ROUTED[request.method]?.test(path)) return apiError(404, "Not found");
  // better-auth checks origins too; ours makes every POST follow the same rule as the rest of the API.
  if (isCrossSiteRequest(request, runtime.authSettings.trustedOrigins)) return apiError(403, "cross-site request rejected");
  const { ping } = runtime.database;
  if (await ping.isKnownDown()) return authUnavailable();

  let response: Response;
  try {
    response = await runtime.auth.handler(request);
  } catch (error) {
    const failure = classifyDatabaseFailure(error);
    if (!failure) throw error;
    if (failure === "unreachable") ping.reportFailure();
    return authUnavailable();
  }
  if (response.status >= 500) return (await isDatabaseDown(ping)) ? authUnavailable() : response;
  if (response.status !== 429) return response;
  // better-auth's limiter only sets X-Retry-After; browsers and clients look for the standard one.
  const headers = new Headers(response.headers);
  headers.set("Retry-After", headers.get("X-Retry-After") ?? "60");
  return new Response(response.body, { status: 429, statusText: response.statusText, headers });
}

/**
 * better-auth turns a failed query into a 500 with an empty body and keeps the error to its log, so
 * a fresh ping tells whether the database was the reason.
 */
async function isDatabaseDown(ping: TDatabasePing): Promise<boolean> {
  return !(await ping.check(0)).ok;
}

/** In better-auth's error shape (its client reads `message` and `code`) and ours (`error`). */
function authUnavailable(): Response {
  return json({ code: "SERVICE_UNAVAILABLE", message: AUTH_UNAVAILABLE_MESSAGE, error: AUTH_UNAVAILABLE_MESSAGE }, 503, {
    "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
  });
}
