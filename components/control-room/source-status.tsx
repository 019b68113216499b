import type { TSourceStatus } from "@/lib/contracts/realtime";
import { describeSourceStatus } from "./describe-source-status";
import { StatusFigure } from "./status-figure";

/**
 * The Kafka source at a glance, shaped like the other figures: the broker/consumer state in words
 * ("Kafka unreachable since 14:02:17"), under it the worst partition's staleness; per partition in the tooltip.
 */
export function SourceStatusFigure({ status }: { status: TSourceStatus }) {
  const text = describeSourceStatus(status);
  const title = [...text.partitions, ...(status.lastError ? [`Last problem: ${status.lastError.message}`] : [])].join("\n");
  return (
    <StatusFigure
      testId="source-status"
      state={status.state}
      isTrouble={text.isTrouble}
      headline={text.headline}
      detail={text.detail}
      title={title}
      hasTickingDetail
    />
  );
}
