import type { TMqttState, TMqttStatus } from "@/lib/contracts/realtime";
import { formatClock } from "@/components/format/date-time";
import { formatInt } from "@/components/format/number";

const HEADLINE: Record<TMqttState, string> = {
  connected: "MQTT connected",
  connecting: "Connecting to MQTT",
  reconnecting: "MQTT reconnecting",
  unreachable: "MQTT unreachable",
  standby: "MQTT bridge on standby",
};

type TMqttStatusText = {
  /** "MQTT unreachable since 14:02:17". */
  headline: string;
  /** What the edge does here, and what waits for redelivery: "bridging to Kafka · 3 to be redelivered". */
  detail: string;
  isTrouble: boolean;
  /** Broker and the last problem, for the tooltip. */
  title: string;
};

export function describeMqttStatus(status: TMqttStatus): TMqttStatusText {
  const headline =
    status.state === "unreachable" ? `${HEADLINE.unreachable} since ${formatClock(Date.parse(status.since))}` : HEADLINE[status.state];
  const role =
    status.role === "source" ? "sensors over MQTT" : status.state === "standby" ? "another instance bridges to Kafka" : "bridging to Kafka";
  const parts = [role];
  if (status.unacknowledged > 0) parts.push(`${formatInt(status.unacknowledged)} left for redelivery`);
  const lines = [`Broker ${status.broker}`, `${formatInt(status.acknowledged)} messages acknowledged`];
  if (status.lastError) lines.push(`Last problem (${formatClock(Date.parse(status.lastError.at))}): ${status.lastError.message}`);
  return {
    headline,
    detail: parts.join(" · "),
    isTrouble: status.state === "unreachable" || status.state === "reconnecting",
    title: lines.join("\n"),
  };
}
