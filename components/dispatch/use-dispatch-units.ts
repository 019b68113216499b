"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { z } from "zod";
import { ZIncident } from "@/lib/contracts/incidents";
import { ZDispatchResponse, ZResponderUnit } from "@/lib/contracts/units";
import { ApiRequestError, errorMessage, requestJson } from "@/components/api/request-json";
import { incidentKeys, patchIncidentCaches } from "@/components/incidents/incident-queries";
import { applyUnitChanges } from "./apply-unit-changes";
import { dispatchKeys } from "./dispatch-queries";

export type TDispatchOutcome = { tone: "ok" | "error"; message: string };

/** A 409's `current`: the units as they are now (one was taken or went out of service). */
const ZConflictUnits = z.array(ZResponderUnit).catch([]);

const asSentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** POST /api/incidents/[id]/dispatch; a 409 refreshes the units and the recommendation and says why. */
export function useDispatchUnits(incidentId: string, onOutcome: (outcome: TDispatchOutcome) => void) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: dispatchKeys.recommendation(incidentId) });
    void queryClient.invalidateQueries({ queryKey: dispatchKeys.dispatches(incidentId) });
  };
  return useGuardedMutation({
    mutationFn: (unitIds: string[]) =>
      requestJson(`/api/incidents/${encodeURIComponent(incidentId)}/dispatch`, ZDispatchResponse, { method: "POST", body: { unitIds } }),
    onSuccess: ({ incident, dispatches, units }) => {
      patchIncidentCaches(queryClient, incident);
      applyUnitChanges(queryClient, units);
      refresh();
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) });
      onOutcome({ tone: "ok", message: `Dispatched ${dispatches.map((dispatch) => dispatch.callSign).join(", ")}.` });
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.status === 409) {
        const current = (error.body as { current?: unknown } | null)?.current;
        // A unit was taken: current is the units; the incident was closed meanwhile: current is the incident.
        applyUnitChanges(queryClient, ZConflictUnits.parse(current));
        const incident = ZIncident.safeParse(current);
        if (incident.success) patchIncidentCaches(queryClient, incident.data);
        refresh();
        onOutcome({ tone: "error", message: `${asSentence(errorMessage(error))} The recommendation has been refreshed.` });
        return;
      }
      onOutcome({ tone: "error", message: `Nothing was dispatched: ${errorMessage(error)}` });
    },
  });
}
