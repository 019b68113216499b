import type { QueryClient } from "@tanstack/react-query";
import { ApiRequestError, requestJson } from "@/components/api/request-json";
import { ZUnitActionResponse, type TUnitAction, type TUnitActionRequest, type TUnitActionResponse } from "@/lib/contracts/units";
import { withActionResult } from "./assignment-cache";
import { FIELD_ASSIGNMENT_KEY, fieldAssignmentQuery } from "./field-queries";

export const UNIT_ACTION_KEY = ["unit-action"] as const;
/** One queue: the crew's taps reach the server one at a time, in the order they were made. */
export const UNIT_ACTION_SCOPE = { id: "unit-action" } as const;

/** Everything a queued action needs to be sent later, even after a reload (it is persisted as is). */
export type TUnitActionVariables = { unitId: string; request: TUnitActionRequest };

/** A tap, stamped now with a fresh idempotency key: sending it twice acts once. */
export function newUnitAction(unitId: string, action: TUnitAction, text?: string): TUnitActionVariables {
  const request: TUnitActionRequest = { idempotencyKey: crypto.randomUUID(), action, at: new Date().toISOString() };
  return { unitId, request: text ? { ...request, text } : request };
}

export function sendUnitAction({ unitId, request }: TUnitActionVariables): Promise<TUnitActionResponse> {
  return requestJson(`/api/units/${encodeURIComponent(unitId)}/actions`, ZUnitActionResponse, { method: "POST", body: request });
}

const MAX_ATTEMPTS = 30;
const RETRY_DELAY_MAX_MS = 15_000;

/**
 * A lost connection or a server error is worth sending again (the idempotency key makes it safe); a 4xx
 * (a conflict, a refusal) or an answer we cannot read would only repeat.
 */
export function shouldRetryUnitAction(failureCount: number, error: unknown): boolean {
  const transient = error instanceof ApiRequestError ? error.status >= 500 : error instanceof TypeError;
  return transient && failureCount < MAX_ATTEMPTS;
}

/**
 * Registered on the field page's QueryClient before the persisted cache is restored: a restored paused
 * mutation carries only its key and variables, and finds how to run from here.
 */
export function registerUnitActionDefaults(queryClient: QueryClient, send: typeof sendUnitAction = sendUnitAction): void {
  queryClient.setMutationDefaults<TUnitActionResponse, Error, TUnitActionVariables>(UNIT_ACTION_KEY, {
    mutationFn: send,
    scope: UNIT_ACTION_SCOPE,
    networkMode: "online",
    retry: shouldRetryUnitAction,
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, RETRY_DELAY_MAX_MS),
    // Long enough for the crew to see what was sent, or what failed, after a while in a pocket.
    gcTime: 15 * 60_000,
    onSuccess: (response, variables) => {
      queryClient.setQueryData(fieldAssignmentQuery().queryKey, (cached) => withActionResult(cached, response, variables));
    },
    onSettled: () => {
      // Not awaited: the next queued action must not wait for this refetch.
      void queryClient.invalidateQueries({ queryKey: FIELD_ASSIGNMENT_KEY });
    },
  });
}
