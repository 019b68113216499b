import type { TIngestStats } from "@/lib/contracts/realtime";
import { describeDeadLetterStore } from "./describe-dead-letter-store";
import { SourceStatusFigure } from "./source-status";
import { formatClock } from "@/components/format/date-time";
import { formatInt } from "@/components/format/number";
import { cx } from "@/components/ui/class-names";
import styles from "./live-figures.module.css";

type TFigureProps = { testId: string; label: string; value: number | null; title?: string; tone?: "alert" };

function Figure({ testId, label, value, title, tone }: TFigureProps) {
  return (
    <div className={cx(styles.figure, tone === "alert" && styles.alert)} data-testid={testId} data-value={value ?? undefined} title={title}>
      <span className={styles.value}>{value === null ? "—" : formatInt(value)}</span>
      <span className={styles.label}>{label}</span>
    </div>
  );
}

type TLiveFiguresProps = {
  stats: TIngestStats | null;
  now: number | null;
  /** Not connected: the figures are the last ones received. */
  isStale: boolean;
};

export function LiveFigures({ stats, now, isStale }: TLiveFiguresProps) {
  const isKafka = stats?.source === "kafka";
  const deadLetters = describeDeadLetterStore(stats?.deadLetterStore);
  return (
    <div
      className={cx(styles.figures, isStale && styles.stale)}
      role="group"
      aria-label="Ingest figures"
      title={isStale ? "Last values received before the connection dropped" : undefined}
    >
      {isKafka && stats.sourceStatus && <SourceStatusFigure status={stats.sourceStatus} />}
      <Figure testId="figure-events-per-second" label="events/s" value={stats ? Math.round(stats.eventsPerSecond) : null} />
      {isKafka ? (
        <Figure
          testId="figure-consumer-lag"
          // While no broker answers, the lag is the last one read.
          label={stats.sourceStatus?.state === "unreachable" ? "lag, last known" : "consumer lag"}
          value={stats.consumerLag}
          title="Messages behind the Kafka partition high watermarks"
        />
      ) : (
        <div className={cx(styles.figure, styles.source)} data-testid="figure-consumer-lag" data-source={stats?.source ?? ""}>
          {/* Reads "source: simulator" to assistive tech and tests; shown value-over-label like the others. */}
          <span className={styles.label}>
            source<span className="visually-hidden">:</span>
          </span>{" "}
          <span className={styles.text}>{stats?.source ?? "—"}</span>
        </div>
      )}
      <Figure
        testId="figure-dead-lettered"
        label={deadLetters.label}
        value={stats?.deadLettered ?? null}
        title="Events rejected as invalid and sent to the dead-letter topic"
        tone={(stats && stats.deadLettered > 0) || deadLetters.isTrouble ? "alert" : undefined}
      />
      <time className={styles.clock} dateTime={now === null ? undefined : new Date(now).toISOString()}>
        <span className="visually-hidden">Local time </span>
        {now === null ? "--:--:--" : formatClock(now)}
      </time>
    </div>
  );
}
