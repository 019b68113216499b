import type { TApiKeyScope } from "@/lib/contracts/api-keys";
import { authenticateApiKey, type TApiKeyCaller } from "@/server/api-keys/authenticate-api-key";
import { classifyDatabaseFailure, type TDatabaseFailure } from "@/server/db/is-database-unavailable";
import { getRuntime, type TRegisteredRuntime } from "@/server/runtime-registry";
import type { TRouteContext } from "./define-route";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGES } from "./responses";

/** How an API answers a failure in its own error shape (NGSI-LD ProblemDetails, Open311 errors…). */
export type TApiErrorAnswer = (status: number, detail: string, headers?: Record<string, string>) => Response;

type TApiKeyRouteInput = {
  request: Request;
  params: Record<string, string>;
  runtime: TRegisteredRuntime;
  caller: TApiKeyCaller;
};

/** A Next route handler for partner apps: tests read the scope it demands (app/api/access-matrix.test.ts). */
export type TApiKeyRouteHandler = ((request: Request, context: TRouteContext) => Promise<Response>) & {
  readonly apiKeyScope: TApiKeyScope;
};

/**
 * The one shape of every route a partner app calls with an API key instead of a session: no cookies and no
 * CSRF question (a key is never sent by a browser on its own), the key checked for `scope` (401 / 403 / 429
 * with Retry-After), 503 while the database cannot answer, and a generic 500 whose details stay in the log.
 * Every failure is answered in the API's own error shape.
 */
export function defineApiKeyRoute(
  config: { scope: TApiKeyScope; error: TApiErrorAnswer },
  handler: (input: TApiKeyRouteInput) => Promise<Response>,
): TApiKeyRouteHandler {
  const route = async (request: Request, context: TRouteContext): Promise<Response> => {
    const runtime = getRuntime();
    try {
      if (!runtime) return config.error(503, "Starting up, try again in a moment");
      if (await runtime.database.ping.isKnownDown()) return databaseUnavailable(config.error, "unreachable");
      const check = await authenticateApiKey(
        { prisma: runtime.database.prisma, rateLimit: runtime.apiKeyRateLimit },
        request.headers,
        config.scope,
      );
      if (!check.ok) {
        if (check.status === 429) return config.error(429, check.reason, { "Retry-After": String(check.retryAfterSeconds) });
        return config.error(check.status, check.reason, check.status === 401 ? { "WWW-Authenticate": 'Bearer realm="CityNerve"' } : {});
      }
      return await handler({ request, params: await readParams(context), runtime, caller: check.caller });
    } catch (error) {
      const failure = classifyDatabaseFailure(error);
      if (failure) {
        if (failure === "unreachable") runtime?.database.ping.reportFailure();
        return databaseUnavailable(config.error, failure);
      }
      console.error(`[api-key route] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return config.error(500, "Something went wrong on the server");
    }
  };
  return Object.assign(route, { apiKeyScope: config.scope });
}

function databaseUnavailable(error: TApiErrorAnswer, failure: TDatabaseFailure): Response {
  return error(503, DATABASE_UNAVAILABLE_MESSAGES[failure], { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) });
}

async function readParams(context: TRouteContext | undefined): Promise<Record<string, string>> {
  const raw = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}
