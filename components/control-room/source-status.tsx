import type { TSourceStatus } from "@/lib/contracts/realtime";
import { cx } from "@/components/ui/class-names";
import { describeSourceStatus } from "./describe-source-status";
import styles from "./live-figures.module.css";

/**
 * The Kafka source at a glance, shaped like the other figures: the broker/consumer state in words
 * ("Kafka unreachable since 14:02:17"), under it the worst partition's staleness; per partition in the tooltip.
 */
export function SourceStatusFigure({ status }: { status: TSourceStatus }) {
  const text = describeSourceStatus(status);
  const title = [...text.partitions, ...(status.lastError ? [`Last problem: ${status.lastError.message}`] : [])].join("\n");
  return (
    <div
      className={cx(styles.figure, text.isTrouble && styles.alert)}
      data-testid="source-status"
      data-state={status.state}
      role="status"
      aria-live="polite"
      title={title || undefined}
      // Where the figures become a grid (narrow screens), a row of its own: its words need the width.
      style={{ gridColumn: "1 / -1" }}
    >
      <span className={styles.value}>{text.headline}</span>
      <span className={styles.label}>{text.detail}</span>
    </div>
  );
}
