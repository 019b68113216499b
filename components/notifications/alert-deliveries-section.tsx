"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage, requestJson } from "@/components/api/request-json";
import { formatClock } from "@/components/format/date-time";
import { Timeline, TimelineItem } from "@/components/incidents/timeline";
import { QueryState } from "@/components/ui/query-state";
import { DrawerSection, DrawerSectionTitle } from "@/components/ui/side-drawer";
import { type TAlertDelivery, ZAlertDeliveryList } from "@/lib/contracts/notifications";
import { KIND_LABEL } from "./kind-labels";

const STATUS_WORD: Record<TAlertDelivery["status"], string> = { sent: "sent", failed: "failed", pending: "retrying" };

/** GET /api/alerts/[id]/notifications; refreshed while the drawer is open, as retries take minutes. */
const alertDeliveriesQuery = (alertId: string) => ({
  queryKey: ["alerts", alertId, "notifications"] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    requestJson(`/api/alerts/${encodeURIComponent(alertId)}/notifications`, ZAlertDeliveryList, { signal }),
  refetchInterval: 15_000,
});

/** The alert drawer's "Notified": who was told off-screen (email, webhook, push), and what failed with its reason. */
export function AlertDeliveriesSection({ alertId, titleId }: { alertId: string; titleId: string }) {
  const deliveries = useQuery(alertDeliveriesQuery(alertId));
  return (
    <DrawerSection aria-labelledby={titleId} data-testid="alert-deliveries">
      <DrawerSectionTitle id={titleId}>Notified</DrawerSectionTitle>
      {deliveries.isPending ? (
        <QueryState state="loading" size="inline" title="Loading who was notified…" />
      ) : deliveries.isError ? (
        <QueryState state="error" size="inline" title="Could not load who was notified" detail={errorMessage(deliveries.error)} />
      ) : deliveries.data.deliveries.length === 0 ? (
        <p className="muted">Nobody was notified off-screen.</p>
      ) : (
        <Timeline>
          {deliveries.data.deliveries.map((d) => (
            <TimelineItem key={d.id} meta={`${formatClock(Date.parse(d.at), { withSeconds: false })} · ${KIND_LABEL[d.kind]}`}>
              <span>
                {d.recipient} ({d.contactPointLabel}): {STATUS_WORD[d.status]}
                {d.attempts > 1 ? ` after ${d.attempts} tries` : ""}
              </span>
              {d.error && <span className="muted">{d.error}</span>}
            </TimelineItem>
          ))}
        </Timeline>
      )}
    </DrawerSection>
  );
}
