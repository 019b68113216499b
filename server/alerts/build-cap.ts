import type { TAlertSeverity, TAlert } from "@/lib/contracts/alerts";
import type { TCapCategory } from "@/lib/contracts/domain-definition";

/** OASIS Common Alerting Protocol 1.2 (http://docs.oasis-open.org/emergency/cap/v1.2/). */
const CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

const CAP_SEVERITY: Record<TAlertSeverity, string> = { critical: "Extreme", major: "Severe", minor: "Moderate", warning: "Minor" };
const CAP_URGENCY: Record<TAlertSeverity, string> = { critical: "Immediate", major: "Expected", minor: "Future", warning: "Future" };
/** The area circle's radius: alerts sit on one asset, so a block around it. */
const AREA_RADIUS_KM = 0.3;

export function escapeXml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "") // characters XML 1.0 cannot carry at all
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** CAP times: no fractional seconds, and UTC written as -00:00 ("Z" is not allowed). */
export function capTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "-00:00");
}

type TCapOptions = {
  sender: string;
  sentAt: Date;
  /** The alert's domain's category, or its rule's own (lib/domains/domain-catalog.ts capCategory). */
  category: TCapCategory;
  /** The domain as people call it ("Water network"), for the area description. */
  domainLabel: string;
};

/** One alert as a CAP 1.2 message, e.g. for a regional warning system or a public feed. */
export function buildCap(alert: TAlert, options: TCapOptions): string {
  const e = escapeXml;
  const [lon, lat] = alert.location;
  const { category } = options;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<alert xmlns="${CAP_NAMESPACE}">`,
    `  <identifier>${e(`citynerve-alert-${alert.id}`)}</identifier>`,
    `  <sender>${e(options.sender)}</sender>`,
    `  <sent>${capTime(options.sentAt.toISOString())}</sent>`,
    `  <status>Actual</status>`,
    `  <msgType>Alert</msgType>`,
    `  <scope>Public</scope>`,
    `  <info>`,
    `    <language>en-US</language>`,
    `    <category>${category}</category>`,
    `    <event>${e(alert.ruleName)}</event>`,
    `    <urgency>${CAP_URGENCY[alert.severity]}</urgency>`,
    `    <severity>${CAP_SEVERITY[alert.severity]}</severity>`,
    `    <certainty>Observed</certainty>`,
    `    <effective>${capTime(alert.firstSeenAt)}</effective>`,
    `    <senderName>CityNerve</senderName>`,
    `    <headline>${e(`${alert.ruleName} (${alert.zone})`)}</headline>`,
    `    <description>${e(alert.message)}</description>`,
    `    <area>`,
    `      <areaDesc>${e(`${alert.zone}: ${options.domainLabel} ${alert.entityId}`)}</areaDesc>`,
    `      <circle>${lat.toFixed(6)},${lon.toFixed(6)} ${AREA_RADIUS_KM}</circle>`,
    `    </area>`,
    `  </info>`,
    `</alert>`,
  ];
  return `${lines.join("\n")}\n`;
}
