import { ZodError } from "zod";
import { ApiRequestError, errorMessage } from "./request-json";

/**
 * Whether asking again could get another answer: a lost connection, a server error (5xx), a timeout (408)
 * or rate limit (429) can pass; any other 4xx and an answer that breaks its contract will be the same again.
 */
export function canRetry(error: unknown): boolean {
  if (error instanceof ZodError) return false;
  if (!(error instanceof ApiRequestError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

/** A failed load as a QueryState says it: what happened (once), and whether a "Try again" belongs beside it. */
export function loadFailure(error: unknown, thing: string): { title: string; detail: string; canRetry: boolean } {
  if (error instanceof ApiRequestError && error.status === 404) {
    return { title: `No such ${thing}`, detail: "It may have been removed, or the link is wrong.", canRetry: false };
  }
  return { title: `The ${thing} could not be loaded`, detail: errorMessage(error), canRetry: canRetry(error) };
}
