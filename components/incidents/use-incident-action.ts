"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { ZIncident, ZIncidentDetail, type TIncident } from "@/lib/contracts/incidents";
import { ApiRequestError, errorMessage, requestJson } from "@/components/api/request-json";
import { INCIDENT_STATUS_LABEL, type TIncidentStatus } from "./incident-labels";
import { incidentKeys, patchIncidentCaches } from "./incident-queries";

type TIncidentAction = { kind: "status"; status: TIncidentStatus; reason?: string } | { kind: "note"; text: string };
export type TIncidentOutcome = { tone: "ok" | "error"; message: string };

function conflictIncident(error: unknown): TIncident | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const parsed = ZIncident.safeParse((error.body as { current?: unknown } | null)?.current);
  return parsed.success ? parsed.data : null;
}

export function useIncidentAction(incident: TIncident, onOutcome: (outcome: TIncidentOutcome) => void) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async (action: TIncidentAction): Promise<TIncident> => {
      const base = `/api/incidents/${encodeURIComponent(incident.id)}`;
      if (action.kind === "status") {
        return requestJson(`${base}/status`, ZIncident, {
          method: "POST",
          body: { status: action.status, version: incident.version, ...(action.reason ? { reason: action.reason } : {}) },
        });
      }
      // A note answers with the detail; the lists keep incidents only (the detail is refetched below).
      const detail = await requestJson(`${base}/notes`, ZIncidentDetail, { method: "POST", body: { text: action.text } });
      const { timeline: _timeline, alerts: _alerts, ...updated } = detail;
      return updated;
    },
    onSuccess: (updated, action) => {
      patchIncidentCaches(queryClient, updated);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id) });
      onOutcome({
        tone: "ok",
        message: action.kind === "note" ? "Note added." : `Now ${INCIDENT_STATUS_LABEL[action.status].toLowerCase()}.`,
      });
    },
    onError: (error) => {
      const current = conflictIncident(error);
      if (current) {
        patchIncidentCaches(queryClient, current);
        void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id) });
      }
      onOutcome({
        tone: "error",
        message: current
          ? `${errorMessage(error)} It is now ${INCIDENT_STATUS_LABEL[current.status].toLowerCase()}; the incident below shows its current state.`
          : errorMessage(error),
      });
    },
  });
}
