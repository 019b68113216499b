import { ALERT_SEVERITIES, type TAlertSeverity } from "@/lib/contracts/alerts";
import type { TDomainName } from "@/lib/contracts/layers";
import type { TAlert } from "@/lib/contracts/alerts";

export type TAlertFilters = { domain?: TDomainName; severity?: TAlertSeverity; zone?: string };

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
  return upsertAlerts(list, [alert], filters);
}

/**
 * upsertAlert for a batch, in arrival order, with one sort: in an alarm storm the socket delivers thousands of
 * alerts a minute, and sorting the queue once per alert would cost more than the screen can spare.
 */
export function upsertAlerts(list: readonly TAlert[], alerts: readonly TAlert[], filters: TAlertFilters): TAlert[] {
  const byId = new Map(list.map((item) => [item.id, item]));
  let isChanged = false;
  for (const alert of alerts) {
    const existing = byId.get(alert.id);
    if (existing && existing.version > alert.version) continue;
    if (!matchesFilters(alert, filters)) {
      if (existing) isChanged = byId.delete(alert.id) || isChanged;
      continue;
    }
    byId.set(alert.id, alert);
    isChanged = true;
  }
  return isChanged ? sortForQueue([...byId.values()]) : (list as TAlert[]);
}

/** compareAlerts' order, parsing each date once rather than twice per comparison (a storm sorts thousands). */
export function sortForQueue(alerts: readonly TAlert[]): TAlert[] {
  const keyed = alerts.map((alert) => ({ alert, rank: SEVERITY_RANK[alert.severity], at: Date.parse(alert.firstSeenAt) }));
  keyed.sort((a, b) => a.rank - b.rank || b.at - a.at);
  return keyed.map(({ alert }) => alert);
}

/** The unresolved alerts of one correlation group, as this browser has them. */
export function groupMembers(alerts: readonly TAlert[], groupId: string): TAlert[] {
  return alerts.filter((alert) => alert.correlationGroup === groupId && alert.status !== "resolved");
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
