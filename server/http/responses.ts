import type { TApiError } from "@/lib/contracts/auth";

const NO_STORE = { "Cache-Control": "no-store" };

/** JSON that no cache keeps: every answer here depends on who asks. */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function apiError(status: number, error: string, fieldErrors?: Record<string, string[]>): Response {
  const body: TApiError = fieldErrors ? { error, fieldErrors } : { error };
  return json(body, status);
}
