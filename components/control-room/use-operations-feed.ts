"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { ZAlert, type TAlert } from "@/lib/contracts/alerts";
import { ZCapWarningList } from "@/lib/contracts/cap-warnings";
import { ZIncident } from "@/lib/contracts/incidents";
import { ZResponderUnit } from "@/lib/contracts/units";
import { alertKeys, patchAlertCaches } from "@/components/alerts/alert-queries";
import { ALERT_BATCH_MS, QUEUE_APPLY_MEASURE, queueMode } from "@/components/alerts/queue-mode";
import { capWarningKeys, setActiveCapWarnings } from "@/components/cap/cap-warning-queries";
import { applyUnitChanges } from "@/components/dispatch/apply-unit-changes";
import { dispatchKeys } from "@/components/dispatch/dispatch-queries";
import { incidentKeys, patchIncidentCaches } from "@/components/incidents/incident-queries";
import type { TRecordFeed } from "@/components/live/use-city-socket";
import { unitKeys } from "@/components/units/unit-queries";
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
        void queryClient.invalidateQueries({ queryKey: zoneKeys.all });
        void queryClient.invalidateQueries({ queryKey: capWarningKeys.active });
        void queryClient.invalidateQueries({ queryKey: alertKeys.queues() });
        void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
        void queryClient.invalidateQueries({ queryKey: unitKeys.all });
        void queryClient.invalidateQueries({ queryKey: dispatchKeys.all });
      },
    }),
    [queryClient, alertBatch],
  );
}

/** Pushed alerts wait up to ALERT_BATCH_MS and are applied together (queue-mode.ts); measured for the storm bench. */
function createAlertBatch(apply: (alerts: TAlert[]) => void) {
  const isLegacy = queueMode() === "legacy";
  let pending: TAlert[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const start = performance.now();
    apply(batch);
    performance.measure(QUEUE_APPLY_MEASURE, { start, end: performance.now(), detail: { alerts: batch.length } });
  };
  return {
    add(alert: TAlert) {
      pending.push(alert);
      if (isLegacy) flush();
      else timer ??= setTimeout(flush, ALERT_BATCH_MS);
    },
    flush,
  };
}
