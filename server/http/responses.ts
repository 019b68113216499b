import type { TApiError } from "@/lib/contracts/auth";
import type { TDatabaseFailure } from "@/server/db/is-database-unavailable";

const NO_STORE = { "Cache-Control": "no-store" };

/** JSON that no cache keeps: every answer here depends on who asks. */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function apiError(status: number, error: string, fieldErrors?: Record<string, string[]>): Response {
  const body: TApiError = fieldErrors ? { error, fieldErrors } : { error };
  return json(body, status);
}

/** How long clients are asked to wait before retrying while the database cannot answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGES: Readonly<Record<TDatabaseFailure, string>> = {
  unreachable: "The server cannot reach its database; try again in a few seconds",
  busy: "The database is too busy to answer in time; try again in a few seconds",
};

/** 503 with Retry-After: the request may be fine, the database could not answer it in time. */
export function databaseUnavailable(failure: TDatabaseFailure): Response {
  return json({ error: DATABASE_UNAVAILABLE_MESSAGES[failure] } satisfies TApiError, 503, {
    "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
  });
}
