import { ALERT_SEVERITIES, type TAlertSeverity } from "@/lib/contracts/alerts";

/** The alert fields the decision reads. */
export type TNotifiableAlert = { status: string; severity: TAlertSeverity; silencedBy: unknown };

/**
 * Whether a newly raised alert goes out to contact points at all: the one place to extend when alerts gain
 * more reasons to stay quiet. A silenced alert is recorded but reaches no one (server/silences/); an alert
 * already resolved by the time the notifier sees it is history, not news.
 */
export function shouldNotify(alert: TNotifiableAlert): boolean {
  return alert.status !== "resolved" && (alert.silencedBy === null || alert.silencedBy === undefined);
}

/** Whether an alert of `severity` reaches a contact point that asked for `minSeverity` and above. */
export function meetsSeverity(severity: TAlertSeverity, minSeverity: TAlertSeverity): boolean {
  return ALERT_SEVERITIES.indexOf(severity) <= ALERT_SEVERITIES.indexOf(minSeverity);
}
