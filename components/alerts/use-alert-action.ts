"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { ZAlert, type TAlert } from "@/lib/contracts/alerts";
import { ZPromoteAlertResponse, type TCreateIncidentRequest, type TIncident } from "@/lib/contracts/incidents";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { incidentKeys, patchIncidentCaches } from "@/components/incidents/incident-queries";
import { conflictAlert, describeConflict } from "./alert-conflict";
import { patchAlertCaches } from "./alert-queries";

export type TAlertAction =
  | { kind: "acknowledge" }
  | { kind: "note"; text: string }
  | { kind: "assign"; userId: string }
  | { kind: "resolve"; reason: string }
  | { kind: "promote"; incidentId: string }
  | { kind: "promote"; incident: Omit<TCreateIncidentRequest, "location"> };

const SUCCESS: Record<TAlertAction["kind"], string> = {
  acknowledge: "Acknowledged.",
  note: "Note added.",
  assign: "Assigned.",
  resolve: "Resolved.",
  promote: "Promoted to an incident.",
};

function requestFor(alert: TAlert, action: TAlertAction): { path: string; body: unknown } {
  const { version } = alert;
  switch (action.kind) {
    case "acknowledge":
      return { path: "acknowledge", body: { version } };
    case "note":
      return { path: "notes", body: { text: action.text } };
    case "assign":
      return { path: "assign", body: { userId: action.userId, version } };
    case "resolve":
      return { path: "resolve", body: { version, reason: action.reason } };
    case "promote":
      return {
        path: "promote",
        body: "incidentId" in action ? { version, incidentId: action.incidentId } : { version, incident: action.incident },
      };
  }
}

/** Every action answers with the updated alert (ZAlert); a promotion with the alert and its incident (ZPromoteAlertResponse). */
async function sendAction(alert: TAlert, action: TAlertAction): Promise<{ alert: TAlert; incident: TIncident | null }> {
  const { path, body } = requestFor(alert, action);
  const url = `/api/alerts/${encodeURIComponent(alert.id)}/${path}`;
  if (action.kind === "promote") return requestJson(url, ZPromoteAlertResponse, { method: "POST", body });
  return { alert: await requestJson(url, ZAlert, { method: "POST", body }), incident: null };
}

export type TActionOutcome = { tone: "ok" | "error"; message: string };

/**
 * Runs one alert action with the version this browser last saw. A 409 means someone
 * else got there first: the cache takes the state that won and the message says what it is.
 */
export function useAlertAction(alert: TAlert, onOutcome: (outcome: TActionOutcome) => void) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (action: TAlertAction) => sendAction(alert, action),
    onSuccess: (result, action) => {
      patchAlertCaches(queryClient, result.alert);
      if (result.incident) patchIncidentCaches(queryClient, result.incident);
      if (action.kind === "promote") void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      onOutcome({ tone: "ok", message: SUCCESS[action.kind] });
    },
    onError: (error) => {
      const current = conflictAlert(error);
      if (current) patchAlertCaches(queryClient, current);
      onOutcome({ tone: "error", message: current ? describeConflict(errorMessage(error), current) : errorMessage(error) });
    },
  });
}
