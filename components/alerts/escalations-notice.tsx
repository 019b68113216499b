import type { TAlert } from "@/lib/contracts/incidents";

/** The notice stays a notice: the queue below lists every escalated alert with its badge. */
const LISTED_MAX = 3;

/** Supervisors: critical alerts nobody acknowledged in time. */
export function EscalationsNotice({ alerts, onSelect }: { alerts: readonly TAlert[]; onSelect: (alert: TAlert) => void }) {
  if (alerts.length === 0) return null;
  return (
    <section className="escalations" aria-labelledby="escalations-title" data-testid="escalations">
      <h2 className="escalations__title" id="escalations-title">
        Escalations <span className="escalations__count">{alerts.length}</span>
      </h2>
      <ul className="escalations__list">
        {alerts.slice(0, LISTED_MAX).map((alert) => (
          <li key={alert.id}>
            <button type="button" className="escalations__item" onClick={() => onSelect(alert)}>
              <span>
                <strong>{alert.ruleName}</strong> · {alert.zone} · {alert.entityId}
              </span>
              <span className="escalations__who">{alert.assignedTo ? `Assigned to ${alert.assignedTo.name}` : "Unassigned"}</span>
            </button>
          </li>
        ))}
      </ul>
      {alerts.length > LISTED_MAX && (
        <p className="escalations__more">and {alerts.length - LISTED_MAX} more, marked Escalated in the queue</p>
      )}
    </section>
  );
}
