"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { ZResponderUnit, ZUnitActionResponse, type TResponderUnit } from "@/lib/contracts/units";
import { ApiRequestError, errorMessage, requestJson } from "@/components/api/request-json";
import { applyUnitChanges } from "@/components/dispatch/apply-unit-changes";
import { patchIncidentCaches } from "@/components/incidents/incident-queries";
import { UNIT_STATUS_LABEL } from "@/components/map/layers/unit-styles";
import { newIdempotencyKey } from "@/components/api/idempotency-key";

/** What the control room changes from the board; crews report the rest from /field. */
type TUnitStatusChange = { action: "available" } | { action: "outOfService"; reason: string };
export type TUnitOutcome = { tone: "ok" | "error"; message: string };

type TVariables = TUnitStatusChange & { idempotencyKey: string };

function conflictUnit(error: unknown): TResponderUnit | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const parsed = ZResponderUnit.safeParse((error.body as { current?: unknown } | null)?.current);
  return parsed.success ? parsed.data : null;
}

/** POST /api/units/[id]/actions, one idempotency key per click. */
export function useUnitAction(unit: TResponderUnit, onOutcome: (outcome: TUnitOutcome) => void) {
  const queryClient = useQueryClient();
  const mutation = useGuardedMutation({
    mutationFn: (change: TVariables) =>
      requestJson(`/api/units/${encodeURIComponent(unit.id)}/actions`, ZUnitActionResponse, {
        method: "POST",
        body: {
          idempotencyKey: change.idempotencyKey,
          action: change.action,
          ...(change.action === "outOfService" ? { text: change.reason } : {}),
        },
      }),
    onSuccess: ({ unit: updated, incident }) => {
      applyUnitChanges(queryClient, [updated]);
      if (incident) patchIncidentCaches(queryClient, incident);
      onOutcome({ tone: "ok", message: `${updated.callSign} is now ${UNIT_STATUS_LABEL[updated.status].toLowerCase()}.` });
    },
    onError: (error) => {
      const current = conflictUnit(error);
      if (current) applyUnitChanges(queryClient, [current]);
      onOutcome({
        tone: "error",
        // A 409 names what happened ("P-12 is out of service"); the board already shows the unit as it is now.
        message: current ? errorMessage(error) : `Could not change ${unit.callSign}: ${errorMessage(error)}`,
      });
    },
  });
  return {
    ...mutation,
    change: (change: TUnitStatusChange) => mutation.mutate({ ...change, idempotencyKey: newIdempotencyKey() }),
  };
}
