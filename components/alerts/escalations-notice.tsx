import type { TAlert } from "@/lib/contracts/alerts";
import { AlertSubject } from "./alert-subject";
import styles from "./escalations-notice.module.css";

/** The notice stays a notice: the queue below lists every escalated alert with its badge. */
const LISTED_MAX = 3;

/** Supervisors: critical alerts nobody acknowledged in time. */
export function EscalationsNotice({ alerts, onSelect }: { alerts: readonly TAlert[]; onSelect: (alert: TAlert) => void }) {
  if (alerts.length === 0) return null;
  return (
    <section className={styles.escalations} aria-labelledby="escalations-title" data-testid="escalations">
      <h2 className={styles.title} id="escalations-title">
        Escalations <span className={styles.count}>{alerts.length}</span>
      </h2>
      <ul className={styles.list}>
        {alerts.slice(0, LISTED_MAX).map((alert) => (
          <li key={alert.id}>
            <button type="button" className={styles.item} onClick={() => onSelect(alert)}>
              <span>
                <strong>{alert.ruleName}</strong> · {alert.zone} · <AlertSubject alert={alert} />
              </span>
              <span className={styles.who}>{alert.assignedTo ? `Assigned to ${alert.assignedTo.name}` : "Unassigned"}</span>
            </button>
          </li>
        ))}
      </ul>
      {alerts.length > LISTED_MAX && <p className={styles.more}>and {alerts.length - LISTED_MAX} more, marked Escalated in the queue</p>}
    </section>
  );
}
