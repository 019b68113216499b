import type { ReactNode } from "react";
import type { THandoverSummary } from "@/lib/contracts/history";
import { SeverityChip } from "@/components/alerts/severity-chip";
import { INCIDENT_STATUS_LABEL } from "@/components/incidents/incident-labels";
import { formatDateTime } from "@/components/format/date-time";
import { PriorityChip } from "@/components/incidents/priority-chip";
import { cx } from "@/components/ui/class-names";
import styles from "./handover-summary.module.css";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function ShiftSpan({ summary }: { summary: THandoverSummary }) {
  return (
    <span className={styles.shiftSpan}>
      <time dateTime={summary.shiftFrom}>{formatDateTime(summary.shiftFrom)}</time> →{" "}
      <time dateTime={summary.shiftTo}>{formatDateTime(summary.shiftTo)}</time>
    </span>
  );
}

export function ShiftChanges({ changes }: { changes: THandoverSummary["changes"] }) {
  return (
    <ul className={styles.shiftChanges} aria-label="What changed during the shift">
      <li>{plural(changes.incidentsCreated, "incident")} created</li>
      <li>{changes.incidentsResolved} resolved</li>
      <li>{plural(changes.alertsRaised, "alert")} raised</li>
      <li>{plural(changes.dispatches, "dispatch", "dispatches")}</li>
    </ul>
  );
}

/** A handover's summary, read-only: what was open when it was written and what changed in the shift. */
export function HandoverSummaryView({ summary }: { summary: THandoverSummary }) {
  return (
    <div className={styles.groups}>
      <ShiftChanges changes={summary.changes} />
      <SummaryList
        title="Open incidents"
        items={summary.openIncidents}
        render={(i) => (
          <>
            <PriorityChip priority={i.priority}>{i.priority}</PriorityChip> {i.label}{" "}
            <span className="muted">({INCIDENT_STATUS_LABEL[i.status]})</span>
          </>
        )}
      />
      <SummaryList
        title="Unacknowledged alerts"
        items={summary.unacknowledgedAlerts}
        render={(a) => (
          <>
            <SeverityChip severity={a.severity} /> {a.label}
          </>
        )}
      />
      <SummaryList
        title="Units out of service"
        items={summary.unitsOutOfService}
        render={(u) => (
          <>
            <strong>{u.label}</strong>
            {u.reason ? `: ${u.reason}` : ""}
          </>
        )}
      />
    </div>
  );
}

function SummaryList<T extends { id: string }>({
  title,
  items,
  render,
}: {
  title: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
}) {
  return (
    <div>
      <h4 className={styles.title}>
        {title} <span className="muted">({items.length})</span>
      </h4>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className={cx(styles.list, styles.summaryList)}>
          {items.map((item) => (
            <li key={item.id}>{render(item)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
