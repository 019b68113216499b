import type { TMqttStatus } from "@/lib/contracts/realtime";
import { cx } from "@/components/ui/class-names";
import { describeMqttStatus } from "./describe-mqtt-status";
import styles from "./live-figures.module.css";

/** The MQTT edge at a glance, shaped like the Kafka source's figure: the connection in words, its role under it. */
export function MqttStatusFigure({ status }: { status: TMqttStatus }) {
  const text = describeMqttStatus(status);
  return (
    <div
      className={cx(styles.figure, text.isTrouble && styles.alert)}
      data-testid="mqtt-status"
      data-state={status.state}
      role="status"
      aria-live="polite"
      title={text.title}
      // Where the figures become a grid (narrow screens), a row of its own: its words need the width.
      style={{ gridColumn: "1 / -1" }}
    >
      <span className={styles.value}>{text.headline}</span>
      <span className={styles.label}>{text.detail}</span>
    </div>
  );
}
