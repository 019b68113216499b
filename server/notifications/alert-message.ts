import type { TAlertSeverity } from "@/lib/contracts/alerts";
import type { TWebhookPayload } from "@/lib/contracts/notifications";
import type { TEntityNames } from "./entity-name";

/** The alert fields a message is written from (a row of the alerts table). */
export type TMessageAlert = {
  id: string;
  ruleName: string;
  domain: string;
  entityId: string;
  severity: TAlertSeverity;
  message: string;
  zone: string;
  firstSeenAt: Date;
};

/** One alert as every channel tells it: names, never ids, and a link that opens it in the control room. */
export type TAlertMessage = {
  title: string;
  text: string;
  link: string;
  payload: NonNullable<TWebhookPayload["alert"]>;
};

const SEVERITY_WORD: Record<TAlertSeverity, string> = { critical: "CRITICAL", major: "Major", minor: "Minor", warning: "Warning" };

export function alertMessage(alert: TMessageAlert, deps: { names: TEntityNames; publicUrl: string }): TAlertMessage {
  const entityName = deps.names(alert.domain, alert.entityId) ?? alert.ruleName;
  const title = `${SEVERITY_WORD[alert.severity]}: ${alert.ruleName} — ${entityName}`;
  const link = `${deps.publicUrl}/?alert=${encodeURIComponent(alert.id)}`;
  const text = [
    `${alert.message}`,
    "",
    `Where: ${entityName}, ${alert.zone}`,
    `Severity: ${alert.severity}`,
    `Since: ${alert.firstSeenAt.toISOString()}`,
    "",
    `Open it in CityNerve: ${link}`,
  ].join("\n");
  return {
    title,
    text,
    link,
    payload: {
      id: alert.id,
      title,
      rule: alert.ruleName,
      severity: alert.severity,
      entityName,
      zone: alert.zone,
      message: alert.message,
      firstSeenAt: alert.firstSeenAt.toISOString(),
      link,
    },
  };
}

/** Alerts a group message lists one by one; the rest are counted (each is still in the delivery log). */
export const GROUP_LISTED_MAX = 20;

/**
 * Several alerts of one correlation group in one message (a storm): "12 alerts: Parking lot full ×9, Bin
 * overflow ×3 near <the first one's place>", then the alerts themselves. The link and payload lead with the first.
 */
export function groupMessage(
  alerts: readonly TMessageAlert[],
  deps: { names: TEntityNames; publicUrl: string },
): TAlertMessage & { group: { count: number; summary: string; alerts: { id: string; title: string }[] } } {
  const each = alerts.map((alert) => alertMessage(alert, deps));
  const lead = each[0]!;
  const byRule = new Map<string, number>();
  for (const alert of alerts) byRule.set(alert.ruleName, (byRule.get(alert.ruleName) ?? 0) + 1);
  const counts = [...byRule]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, count]) => (count > 1 ? `${rule} ×${count}` : rule))
    .join(", ");
  const summary = `${alerts.length} alerts: ${counts} near ${lead.payload.entityName}, ${lead.payload.zone}`;
  const listed = each.slice(0, GROUP_LISTED_MAX).map((m) => `- ${m.title} (${m.link})`);
  const more = alerts.length > GROUP_LISTED_MAX ? [`…and ${alerts.length - GROUP_LISTED_MAX} more`] : [];
  const text = [summary, "", ...listed, ...more, "", `Open the first in CityNerve: ${lead.link}`].join("\n");
  return {
    title: summary,
    text,
    link: lead.link,
    payload: lead.payload,
    group: { count: alerts.length, summary, alerts: each.map((m) => ({ id: m.payload.id, title: m.title })) },
  };
}

/** What a test send says: plainly a test, with the same link shape so the receiver's set-up is checked. */
export function testMessage(publicUrl: string, label: string): Omit<TAlertMessage, "payload"> & { payload: null } {
  return {
    title: "CityNerve test message",
    text: `This is a test of the contact point "${label}". Alerts will arrive like this.\n\nCityNerve: ${publicUrl}/`,
    link: `${publicUrl}/`,
    payload: null,
  };
}
