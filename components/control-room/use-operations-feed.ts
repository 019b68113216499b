"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { ZAlert, ZIncident } from "@/lib/contracts/incidents";
import { alertKeys, patchAlertCaches } from "@/components/alerts/alert-queries";
import { incidentKeys, patchIncidentCaches } from "@/components/incidents/incident-queries";
import type { TRecordFeed } from "@/components/live/use-city-socket";

/** Socket records patch the TanStack caches in place: the queue and the incident map never poll. */
export function useOperationsFeed(): TRecordFeed {
  const queryClient = useQueryClient();
  return useMemo<TRecordFeed>(
    () => ({
      onAlertUpsert: (payload) => {
        const parsed = ZAlert.safeParse(payload);
        if (parsed.success) patchAlertCaches(queryClient, parsed.data);
        else console.warn("[alerts] ignored a malformed alert:upsert", parsed.error.issues);
      },
      onIncidentUpsert: (payload) => {
        const parsed = ZIncident.safeParse(payload);
        if (parsed.success) patchIncidentCaches(queryClient, parsed.data);
        else console.warn("[incidents] ignored a malformed incident:upsert", parsed.error.issues);
      },
      onResync: () => {
        void queryClient.invalidateQueries({ queryKey: alertKeys.queues() });
        void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      },
    }),
    [queryClient],
  );
}
