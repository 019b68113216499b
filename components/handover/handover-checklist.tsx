import type { THandoverSummary } from "@/lib/contracts/history";
import { SeverityChip } from "@/components/alerts/severity-chip";
import { INCIDENT_STATUS_LABEL } from "@/components/incidents/incident-labels";
import { PriorityChip } from "@/components/incidents/priority-chip";
import styles from "./handover-summary.module.css";

type THandoverChecklistProps = {
  summary: THandoverSummary;
  checked: ReadonlySet<string>;
  onToggle: (key: string, checked: boolean) => void;
};

/** One key per open item, to count how many the author has ticked. */
export function checklistKeys(summary: THandoverSummary): string[] {
  return [
    ...summary.openIncidents.map((i) => `incident:${i.id}`),
    ...summary.unacknowledgedAlerts.map((a) => `alert:${a.id}`),
    ...summary.unitsOutOfService.map((u) => `unit:${u.id}`),
  ];
}

/** Every open item of the shift as a checkbox, for the outgoing operator to tick off while writing. */
export function HandoverChecklist({ summary, checked, onToggle }: THandoverChecklistProps) {
  const groups = [
    {
      title: "Open incidents",
      items: summary.openIncidents.map((i) => ({
        key: `incident:${i.id}`,
        content: (
          <>
            <PriorityChip priority={i.priority}>{i.priority}</PriorityChip> {i.label}{" "}
            <span className="muted">({INCIDENT_STATUS_LABEL[i.status]})</span>
          </>
        ),
      })),
    },
    {
      title: "Unacknowledged alerts",
      items: summary.unacknowledgedAlerts.map((a) => ({
        key: `alert:${a.id}`,
        content: (
          <>
            <SeverityChip severity={a.severity} /> {a.label}
          </>
        ),
      })),
    },
    {
      title: "Units out of service",
      items: summary.unitsOutOfService.map((u) => ({
        key: `unit:${u.id}`,
        content: (
          <>
            <strong>{u.label}</strong>
            {u.reason ? `: ${u.reason}` : ""}
          </>
        ),
      })),
    },
  ];
  return (
    <div className={styles.groups}>
      {groups.map((group) => (
        <fieldset key={group.title} className={styles.checklistGroup}>
          <legend className={styles.title}>
            {group.title} <span className="muted">({group.items.length})</span>
          </legend>
          {group.items.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className={styles.list}>
              {group.items.map((item) => (
                <li key={item.key}>
                  <label className={styles.checklistItem}>
                    <input type="checkbox" checked={checked.has(item.key)} onChange={(event) => onToggle(item.key, event.target.checked)} />
                    <span>{item.content}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      ))}
    </div>
  );
}
