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

/** What a test send says: plainly a test, with the same link shape so the receiver's set-up is checked. */
export function testMessage(publicUrl: string, label: string): Omit<TAlertMessage, "payload"> & { payload: null } {
  return {
    title: "CityNerve test message",
    text: `This is a test of the contact point "${label}". Alerts will arrive like this.\n\nCityNerve: ${publicUrl}/`,
    link: `${publicUrl}/`,
    payload: null,
  };
}
