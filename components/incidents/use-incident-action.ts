"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ZIncident, type TIncident } from "@/lib/contracts/incidents";
import { ApiRequestError, errorMessage, requestJson } from "@/components/api/request-json";
import { INCIDENT_STATUS_LABEL, type TIncidentStatus } from "./incident-labels";
import { incidentKeys, patchIncidentCaches } from "./incident-queries";

export type TIncidentAction = { kind: "status"; status: TIncidentStatus; reason?: string } | { kind: "note"; text: string };
export type TIncidentOutcome = { tone: "ok" | "error"; message: string };

/** Answers carry the incident, bare or as `{ incident }` (a detail parses as an incident too). */
const ZIncidentAnswer = z.unknown().transform((body) => {
  const bare = ZIncident.safeParse(body);
  if (bare.success) return bare.data;
  const wrapped = z.object({ incident: ZIncident }).safeParse(body);
  return wrapped.success ? wrapped.data.incident : null;
});

function conflictIncident(error: unknown): TIncident | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const parsed = ZIncident.safeParse((error.body as { current?: unknown } | null)?.current);
  return parsed.success ? parsed.data : null;
}

export function useIncidentAction(incident: TIncident, onOutcome: (outcome: TIncidentOutcome) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TIncidentAction) => {
      const base = `/api/incidents/${encodeURIComponent(incident.id)}`;
      return action.kind === "status"
        ? requestJson(`${base}/status`, ZIncidentAnswer, {
            method: "POST",
            body: { status: action.status, version: incident.version, ...(action.reason ? { reason: action.reason } : {}) },
          })
        : requestJson(`${base}/notes`, ZIncidentAnswer, { method: "POST", body: { text: action.text } });
    },
    onSuccess: (updated, action) => {
      if (updated) patchIncidentCaches(queryClient, updated);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id) });
      onOutcome({ tone: "ok", message: action.kind === "note" ? "Note added." : `Now ${INCIDENT_STATUS_LABEL[action.status].toLowerCase()}.` });
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
