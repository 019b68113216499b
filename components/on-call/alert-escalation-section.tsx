"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/api/request-json";
import { formatClock } from "@/components/format/date-time";
import { Timeline, TimelineItem } from "@/components/incidents/timeline";
import { QueryState } from "@/components/ui/query-state";
import { DrawerSection, DrawerSectionTitle } from "@/components/ui/side-drawer";
import styles from "./alert-escalation-section.module.css";
import { alertEscalationQuery } from "./on-call-queries";

const clock = (iso: string) => formatClock(Date.parse(iso), { withSeconds: false });

/** The alert drawer's "Escalation": each step of its chain (whom it paged) and how the chain ended. Hidden when there is none. */
export function AlertEscalationSection({ alertId, titleId }: { alertId: string; titleId: string }) {
  const escalation = useQuery(alertEscalationQuery(alertId));
  if (escalation.isSuccess && escalation.data.events.length === 0) return null;
  return (
    <DrawerSection aria-labelledby={titleId} data-testid="alert-escalation">
      <DrawerSectionTitle id={titleId}>Escalation</DrawerSectionTitle>
      {escalation.isPending ? (
        <QueryState state="loading" size="inline" title="Loading the escalation…" />
      ) : escalation.isError ? (
        <QueryState state="error" size="inline" title="Could not load the escalation" detail={errorMessage(escalation.error)} />
      ) : (
        <Timeline>
          {escalation.data.events.map((event) =>
            event.kind === "step" ? (
              <TimelineItem key={`${event.at}-step-${event.step}`} meta={`${clock(event.at)} · ${event.policy}`}>
                <span data-testid="escalation-step">
                  Step {event.step} of {event.of}: {event.target}
                  {event.notified.length > 0 ? `, notified ${event.notified.join(", ")}` : ", nobody could be notified"}
                </span>
                {event.nextAt && event.step < event.of && (
                  <span className={styles.next}>Next step at {clock(event.nextAt)} unless acknowledged</span>
                )}
              </TimelineItem>
            ) : (
              <TimelineItem key={`${event.at}-ended`} meta={`${clock(event.at)} · ${event.policy}`}>
                <span data-testid="escalation-ended">Escalation stopped: {event.reason}</span>
              </TimelineItem>
            ),
          )}
        </Timeline>
      )}
    </DrawerSection>
  );
}
