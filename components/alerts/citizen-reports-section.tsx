"use client";

import { useQuery } from "@tanstack/react-query";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TCitizenReport } from "@/lib/contracts/citizen-reports";
import { errorMessage } from "@/components/api/request-json";
import { formatClock } from "@/components/format/date-time";
import { Timeline, TimelineItem } from "@/components/incidents/timeline";
import { LongText } from "@/components/ui/long-text";
import { QueryState } from "@/components/ui/query-state";
import { DrawerSection, DrawerSectionTitle } from "@/components/ui/side-drawer";
import { alertReportsQuery } from "./alert-queries";

function contactLine(contact: NonNullable<TCitizenReport["contact"]>): string {
  return [contact.name, contact.email, contact.phone].filter(Boolean).join(" · ");
}

/** The citizens' reports (Open311) a citizen alert was raised by and joined by, each with its app and contact. */
export function CitizenReportsSection({ alert, titleId }: { alert: Pick<TAlert, "id" | "count">; titleId: string }) {
  const reports = useQuery(alertReportsQuery(alert));
  return (
    <DrawerSection aria-labelledby={titleId} data-testid="citizen-reports">
      <DrawerSectionTitle id={titleId}>Citizens' reports ({alert.count})</DrawerSectionTitle>
      {reports.isPending ? (
        <QueryState state="loading" size="inline" title="Loading the reports…" />
      ) : reports.isError ? (
        <QueryState state="error" size="inline" title="The reports could not be loaded" detail={errorMessage(reports.error)} />
      ) : reports.data.length === 0 ? (
        <QueryState state="empty" size="inline" title="No reports are stored for this alert" />
      ) : (
        <Timeline>
          {reports.data.map((report) => (
            <TimelineItem
              key={report.id}
              meta={`${report.appName} · ${formatClock(Date.parse(report.reportedAt), { withSeconds: false })} · ${report.address}`}
            >
              <LongText text={report.description || `${report.serviceName} (no description)`} />
              {report.contact && <span className="muted">Contact: {contactLine(report.contact)}</span>}
              {report.mediaUrl && (
                <a href={report.mediaUrl} target="_blank" rel="noopener noreferrer nofollow">
                  Photo
                </a>
              )}
            </TimelineItem>
          ))}
        </Timeline>
      )}
    </DrawerSection>
  );
}
