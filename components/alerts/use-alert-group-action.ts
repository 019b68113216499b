"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { ZAlertGroupActionResponse, type TAlert, type TAlertGroupActionResponse } from "@/lib/contracts/alerts";
import { patchAlertCaches } from "./alert-queries";
import type { TActionOutcome } from "./use-alert-action";

export type TAlertGroupAction = { kind: "acknowledge" } | { kind: "resolve"; reason: string };

/** What the operator is told: how many changed, and how many had changed meanwhile (left as they are). */
export function describeGroupOutcome(action: TAlertGroupAction["kind"], result: TAlertGroupActionResponse): TActionOutcome {
  const done = `${result.applied.length} ${result.applied.length === 1 ? "alert" : "alerts"} ${action === "acknowledge" ? "acknowledged" : "resolved"}.`;
  if (result.conflicts.length === 0) return { tone: "ok", message: done };
  const skipped = `${result.conflicts.length} had changed or left the group meanwhile and were left as they are.`;
  return { tone: result.applied.length > 0 ? "ok" : "error", message: `${done} ${skipped}` };
}

/**
 * Acknowledges or resolves a correlation group with the version of each member this browser last saw
 * (POST /api/alerts/group-action); applied alerts and the current state of conflicting ones go into the caches.
 */
export function useAlertGroupAction(groupId: string, members: readonly TAlert[], onOutcome: (outcome: TActionOutcome) => void) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (action: TAlertGroupAction) => {
      const targets = action.kind === "acknowledge" ? members.filter((a) => a.status === "open") : members;
      return requestJson("/api/alerts/group-action", ZAlertGroupActionResponse, {
        method: "POST",
        body: {
          action: action.kind,
          groupId,
          alerts: targets.map((a) => ({ id: a.id, version: a.version })),
          ...(action.kind === "resolve" ? { reason: action.reason } : {}),
        },
      });
    },
    onSuccess: (result, action) => {
      patchAlertCaches(queryClient, [...result.applied, ...result.conflicts.flatMap((c) => (c.current ? [c.current] : []))]);
      onOutcome(describeGroupOutcome(action.kind, result));
    },
    onError: (error) => onOutcome({ tone: "error", message: errorMessage(error) }),
  });
}
