"use client";

import { useMutation, useMutationState } from "@tanstack/react-query";
import { useCallback } from "react";
import { errorMessage } from "@/components/api/request-json";
import type { TUnitAction, TUnitActionResponse } from "@/lib/contracts/units";
import { outboxStateOf, type TOutboxState } from "./outbox-state";
import { UNIT_ACTION_KEY, UNIT_ACTION_SCOPE, newUnitAction, type TUnitActionVariables } from "./unit-action-mutation";

/**
 * A tap on a status button or "Send note": one mutation each, with its own idempotency key and the tap
 * time. How it is sent (and retried, and restored after a reload) is set once on the field QueryClient.
 */
export function useSendUnitAction(unitId: string): (action: TUnitAction, text?: string) => void {
  const { mutate } = useMutation<TUnitActionResponse, Error, TUnitActionVariables>({
    mutationKey: UNIT_ACTION_KEY,
    scope: UNIT_ACTION_SCOPE,
  });
  return useCallback((action, text) => mutate(newUnitAction(unitId, action, text)), [mutate, unitId]);
}

/** The crew's unanswered taps for this unit, oldest first: what the screen shows optimistically. */
export function usePendingUnitActions(unitId: string): TUnitAction[] {
  const pending = useMutationState({
    filters: { mutationKey: UNIT_ACTION_KEY, status: "pending" },
    select: (mutation) => mutation.state.variables as TUnitActionVariables | undefined,
  });
  return pending.flatMap((variables) => (variables?.unitId === unitId ? [variables.request.action] : []));
}

export type TOutboxItem = {
  id: number;
  action: TUnitAction;
  text: string | null;
  /** When the crew tapped it (ISO). */
  at: string | null;
  state: TOutboxState;
  error: string | null;
  failedAttempts: number;
};

/** Every action sent or queued from this phone that the cache still holds, oldest first. */
export function useOutbox(): TOutboxItem[] {
  return useMutationState({
    filters: { mutationKey: UNIT_ACTION_KEY },
    select: (mutation): TOutboxItem | null => {
      const variables = mutation.state.variables as TUnitActionVariables | undefined;
      if (!variables) return null;
      return {
        id: mutation.mutationId,
        action: variables.request.action,
        text: variables.request.text ?? null,
        at: variables.request.at ?? null,
        state: outboxStateOf(mutation.state),
        error: mutation.state.error ? errorMessage(mutation.state.error) : null,
        failedAttempts: mutation.state.failureCount,
      };
    },
  }).filter((item): item is TOutboxItem => item !== null);
}
