import type { QueryClient } from "@tanstack/react-query";
import { alertKeys } from "@/components/alerts/alert-queries";
import { capWarningKeys } from "@/components/cap/cap-warning-queries";
import { dispatchKeys } from "@/components/dispatch/dispatch-queries";
import { incidentKeys } from "@/components/incidents/incident-queries";
import { unitKeys } from "@/components/units/unit-queries";
import { zoneKeys } from "@/components/zones/zone-queries";

/**
 * After the socket was away (a reconnect, a resubscription), pushes may have been missed: everything the socket
 * keeps fresh is read again. That includes an open drawer's alert, kept under its own key: refetching the queues
 * alone left a drawer showing "Open" for an alert acknowledged on another screen while this one reconnected.
 */
export function resyncOperationsCaches(queryClient: QueryClient): void {
  for (const queryKey of [zoneKeys.all, capWarningKeys.active, alertKeys.all, incidentKeys.all, unitKeys.all, dispatchKeys.all]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
