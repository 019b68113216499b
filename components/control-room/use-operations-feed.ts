"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { ZAlert } from "@/lib/contracts/alerts";
import { ZCapWarningList } from "@/lib/contracts/cap-warnings";
import { ZIncident } from "@/lib/contracts/incidents";
import { ZResponderUnit } from "@/lib/contracts/units";
import { patchAlertCaches } from "@/components/alerts/alert-queries";
import { createAlertBatch } from "@/components/alerts/alert-batch";
import { setActiveCapWarnings } from "@/components/cap/cap-warning-queries";
import { applyUnitChanges } from "@/components/dispatch/apply-unit-changes";
import { dispatchKeys } from "@/components/dispatch/dispatch-queries";
import { patchIncidentCaches } from "@/components/incidents/incident-queries";
import type { TRecordFeed } from "@/components/live/use-city-socket";
import { resyncOperationsCaches } from "./resync-operations-caches";
import { zoneKeys } from "@/components/zones/zone-queries";

/** Socket records patch the TanStack caches in place: the queue, the incident map and the unit board never poll. */
export function useOperationsFeed(): TRecordFeed {
  const queryClient = useQueryClient();
  const alertBatch = useMemo(() => createAlertBatch((alerts) => patchAlertCaches(queryClient, alerts)), [queryClient]);
  useEffect(() => () => alertBatch.flush(), [alertBatch]);
  return useMemo<TRecordFeed>(
    () => ({
      onAlertUpsert: (payload) => {
        const parsed = ZAlert.safeParse(payload);
        if (parsed.success) alertBatch.add(parsed.data);
        else console.warn("[alerts] ignored a malformed alert:upsert", parsed.error.issues);
      },
      onIncidentUpsert: (payload) => {
        const parsed = ZIncident.safeParse(payload);
        if (!parsed.success) {
          console.warn("[incidents] ignored a malformed incident:upsert", parsed.error.issues);
          return;
        }
        patchIncidentCaches(queryClient, parsed.data);
        void queryClient.invalidateQueries({ queryKey: dispatchKeys.dispatches(parsed.data.id) });
      },
      onUnitUpsert: (payload) => {
        const parsed = ZResponderUnit.safeParse(payload);
        if (parsed.success) applyUnitChanges(queryClient, [parsed.data]);
        else console.warn("[units] ignored a malformed unit:upsert", parsed.error.issues);
      },
      onCapWarnings: (payload) => {
        const parsed = ZCapWarningList.safeParse(payload);
        if (parsed.success) setActiveCapWarnings(queryClient, parsed.data);
        else console.warn("[cap] ignored a malformed cap:warnings", parsed.error.issues);
      },
      onZonesChanged: () => void queryClient.invalidateQueries({ queryKey: zoneKeys.all }),
      onResync: () => {
        alertBatch.flush();
        resyncOperationsCaches(queryClient);
      },
    }),
    [queryClient, alertBatch],
  );
}
