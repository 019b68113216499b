import { ALERT_SEVERITIES, type TAlertSeverity } from "@/lib/contracts/alerts";
import type { TLayer } from "@/lib/contracts/layers";
import type { TAlert } from "@/lib/contracts/alerts";

export type TAlertFilters = { domain?: TLayer; severity?: TAlertSeverity; zone?: string };

const SEVERITY_RANK: Record<TAlertSeverity, number> = Object.fromEntries(
  ALERT_SEVERITIES.map((severity, rank) => [severity, rank]),
) as Record<TAlertSeverity, number>;

/** Queue order, as the server sorts it: most severe first, then the newest episode. */
export function compareAlerts(a: TAlert, b: TAlert): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Date.parse(b.firstSeenAt) - Date.parse(a.firstSeenAt);
}

/** Whether an alert belongs in a queue with these filters (the queue never holds resolved alerts). */
function matchesFilters(alert: TAlert, filters: TAlertFilters): boolean {
  if (alert.status === "resolved") return false;
  if (filters.domain && alert.domain !== filters.domain) return false;
  if (filters.severity && alert.severity !== filters.severity) return false;
  if (filters.zone && alert.zone !== filters.zone) return false;
  return true;
}

/**
 * A queue with this alert inserted, replaced or dropped. An older version never
 * overwrites a newer one: a socket event can arrive after the action's own answer.
 * Returns the same array when nothing changes.
 */
export function upsertAlert(list: readonly TAlert[], alert: TAlert, filters: TAlertFilters): TAlert[] {
  const index = list.findIndex((item) => item.id === alert.id);
  const existing = index >= 0 ? list[index] : undefined;
  if (existing && existing.version > alert.version) return list as TAlert[];
  if (!matchesFilters(alert, filters)) return existing ? list.filter((item) => item.id !== alert.id) : (list as TAlert[]);
  const next = existing ? list.map((item) => (item.id === alert.id ? alert : item)) : [...list, alert];
  return next.sort(compareAlerts);
}

/** Correlation groups that two or more listed alerts share ("related"). */
export function sharedCorrelationGroups(alerts: readonly TAlert[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { correlationGroup } of alerts) {
    if (!correlationGroup) continue;
    if (seen.has(correlationGroup)) shared.add(correlationGroup);
    seen.add(correlationGroup);
  }
  return shared;
}

/** What takes the critical banner and sounds the tone: a silenced alert does neither (it is still in the queue). */
export function isUnacknowledgedCritical(alert: TAlert): boolean {
  return alert.severity === "critical" && alert.status === "open" && alert.silenced === null;
}

/** The queue as shown: silenced alerts only when the operator asked for them ("Show silenced"). */
export function visibleInQueue(alerts: readonly TAlert[], showSilenced: boolean): readonly TAlert[] {
  return showSilenced ? alerts : alerts.filter((alert) => alert.silenced === null);
}
