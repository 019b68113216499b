import type { TMqttStatus } from "@/lib/contracts/realtime";
import { describeMqttStatus } from "./describe-mqtt-status";
import { StatusFigure } from "./status-figure";

/** The MQTT edge at a glance, shaped like the Kafka source's figure: the connection in words, its role under it. */
export function MqttStatusFigure({ status }: { status: TMqttStatus }) {
  const text = describeMqttStatus(status);
  return (
    <StatusFigure
      testId="mqtt-status"
      state={status.state}
      isTrouble={text.isTrouble}
      headline={text.headline}
      detail={text.detail}
      title={text.title}
    />
  );
}
