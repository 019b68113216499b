import type { TAlertFlap, TAlertSeverity, TAlert } from "@/lib/contracts/alerts";
import { humanize } from "@/components/format/humanize";

export const SEVERITY_LABEL: Record<TAlertSeverity, string> = {
  critical: "Critical",
  major: "Major",
  minor: "Minor",
  warning: "Warning",
};

/** "0.23" → "23 %" for shares; other numbers and strings as they come. */
export function formatAlertValue(value: TAlert["value"]): string {
  if (typeof value === "string") return humanize(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** The status line of a row: who holds the alert. */
export function describeAlertStatus(alert: TAlert): string {
  if (alert.status === "acknowledged") return alert.acknowledgedBy ? `Acknowledged by ${alert.acknowledgedBy.name}` : "Acknowledged";
  if (alert.status === "resolved") return "Resolved";
  return "Open";
}

/** A flapping alert's counter as the queue and the drawer show it. */
export function describeFlapping(flap: Pick<TAlertFlap, "changes" | "windowMinutes">): string {
  return `Flapping · ${flap.changes} ${flap.changes === 1 ? "change" : "changes"} in ${flap.windowMinutes} min`;
}
