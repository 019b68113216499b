"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ZAlert, ZIncident, type TAlert, type TCreateIncidentRequest } from "@/lib/contracts/incidents";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { patchIncidentCaches } from "@/components/incidents/incident-queries";
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
      return { path: "promote", body: "incidentId" in action ? { version, incidentId: action.incidentId } : { version, incident: action.incident } };
  }
}

/** Action answers carry the updated alert, bare or as `{ alert, incident? }`. */
const ZActionResponse = z.unknown().transform((body) => {
  const bare = ZAlert.safeParse(body);
  const wrapped = z.object({ alert: ZAlert.optional(), incident: ZIncident.optional() }).safeParse(body);
  return {
    alert: bare.success ? bare.data : wrapped.success ? (wrapped.data.alert ?? null) : null,
    incident: wrapped.success ? (wrapped.data.incident ?? null) : null,
  };
});

export type TActionOutcome = { tone: "ok" | "error"; message: string };

/**
 * Runs one alert action with the version this browser last saw. A 409 means someone
 * else got there first: the cache takes the state that won and the message says what it is.
 */
export function useAlertAction(alert: TAlert, onOutcome: (outcome: TActionOutcome) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TAlertAction) => {
      const { path, body } = requestFor(alert, action);
      return requestJson(`/api/alerts/${encodeURIComponent(alert.id)}/${path}`, ZActionResponse, { method: "POST", body });
    },
    onSuccess: (result, action) => {
      if (result.alert) patchAlertCaches(queryClient, result.alert);
      else void queryClient.invalidateQueries({ queryKey: ["alerts", "queue"] });
      if (result.incident) patchIncidentCaches(queryClient, result.incident);
      if (action.kind === "promote") void queryClient.invalidateQueries({ queryKey: ["incidents"] });
      onOutcome({ tone: "ok", message: SUCCESS[action.kind] });
    },
    onError: (error) => {
      const current = conflictAlert(error);
      if (current) patchAlertCaches(queryClient, current);
      onOutcome({ tone: "error", message: current ? describeConflict(errorMessage(error), current) : errorMessage(error) });
    },
  });
}
