import type { z } from "zod";
import { ZApiError } from "@/lib/contracts/auth";
import { newIdempotencyKey } from "./idempotency-key";

/** A non-2xx answer from one of our route handlers, with its ZApiError body when it had one. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly fieldErrors: Record<string, string[]>;
  /** The parsed JSON body, e.g. a 409's `{ error, current }`; null when there was none. */
  readonly body: unknown;

  constructor(status: number, message: string, fieldErrors: Record<string, string[]> = {}, body: unknown = null) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.body = body;
  }
}

const FALLBACK_MESSAGE: Record<number, string> = {
  401: "Your session has ended. Sign in again.",
  403: "Your role is not allowed to do this.",
  404: "Not found.",
  409: "This conflicts with existing data.",
  429: "Too many requests. Wait a moment and try again.",
};

async function toError(response: Response): Promise<ApiRequestError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = ZApiError.safeParse(body);
  const message = parsed.success
    ? parsed.data.error
    : (FALLBACK_MESSAGE[response.status] ?? `The server answered ${response.status} ${response.statusText}`.trim());
  return new ApiRequestError(response.status, message, parsed.success ? parsed.data.fieldErrors : undefined, body);
}

type TRequestInit = { method?: "GET" | "POST" | "PATCH" | "PUT"; body?: unknown; signal?: AbortSignal };

/** Fetches a same-origin JSON endpoint and validates the answer with its contract schema. */
export async function requestJson<TSchema extends z.ZodType>(
  url: string,
  schema: TSchema,
  { method = "GET", body, signal }: TRequestInit = {},
): Promise<z.infer<TSchema>> {
  const response = await fetch(url, {
    method,
    signal,
    headers: {
      Accept: "application/json",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      // One key per call (one per click with the guarded buttons): a repeat of it is answered, not acted on twice.
      ...(method === "GET" ? {} : { "Idempotency-Key": newIdempotencyKey() }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  if (!response.ok) throw await toError(response);
  return schema.parse(await response.json());
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
