import Link from "next/link";
import type { TIngestStats } from "@/lib/contracts/realtime";
import { describeDeadLetterStore } from "./describe-dead-letter-store";
import { MqttStatusFigure } from "./mqtt-status";
import { SourceStatusFigure } from "./source-status";
import { formatClock, formatTimeZoneName } from "@/components/format/date-time";
import { formatInt, formatPercent } from "@/components/format/number";
import { useDeadLetterTrend } from "./use-dead-letter-trend";
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

const TREND_MARK = { rising: "↑", steady: "→", falling: "↓" } as const;

/**
 * Dead letters as a rate with its direction, not an ever-growing total: a steady trickle of malformed messages is
 * normal in a city; red only when the rate is well above its usual level or the record of them is incomplete.
 * data-value stays the running total (what tests and scripts compare).
 */
function DeadLetterFigure({ stats, href }: { stats: TIngestStats | null; href: string | null }) {
  const trend = useDeadLetterTrend(stats);
  const store = describeDeadLetterStore(stats?.deadLetterStore);
  const isAlarming = store.isTrouble || trend?.isUnusual === true;
  const total = stats?.deadLettered ?? null;
  const title = [
    "Messages rejected as invalid and sent to the dead-letter topic",
    total !== null ? `${formatInt(total)} since the server started` : null,
    trend ? `${formatPercent(trend.share, 1)} of messages in the last minute, ${trend.trend}` : null,
    trend?.isUnusual ? "well above the usual rate" : null,
    href ? "Open the dead letters" : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const figureProps = {
    className: cx(styles.figure, isAlarming && styles.alert, href && styles.link),
    "data-testid": "figure-dead-lettered",
    "data-value": total ?? undefined,
    "data-unusual": trend?.isUnusual ? "true" : "false",
    title,
  };
  const content = (
    <>
      <span className={styles.value}>
        {/* Until a rate is known (the first seconds), the running total. */}
        {trend ? `${formatInt(Math.round(trend.perMinute))}/min` : total === null ? "—" : formatInt(total)}
        {trend && (
          <span className={styles.trend}>
            <span aria-hidden="true"> {TREND_MARK[trend.trend]}</span>
            <span className="visually-hidden"> {trend.trend}</span>
          </span>
        )}
      </span>
      <span className={styles.label}>{store.label}</span>
    </>
  );
  // For the roles that may see them, the figure opens the letters it counts.
  return href ? (
    <Link href={href} {...figureProps}>
      {content}
    </Link>
  ) : (
    <div {...figureProps}>{content}</div>
  );
}

type TLiveFiguresProps = {
  stats: TIngestStats | null;
  now: number | null;
  /** Not connected: the figures are the last ones received. */
  isStale: boolean;
  /** Where the dead-letter figure leads (the dead-letters page), for roles that may open it; null: no link. */
  deadLettersHref?: string | null;
};

export function LiveFigures({ stats, now, isStale, deadLettersHref = null }: TLiveFiguresProps) {
  const isKafka = stats?.source === "kafka";
  return (
    <div
      className={cx(styles.figures, isStale && styles.stale)}
      role="group"
      aria-label="Ingest figures"
      title={isStale ? "Last values received before the connection dropped" : undefined}
    >
      {isKafka && stats.sourceStatus && <SourceStatusFigure status={stats.sourceStatus} />}
      {stats?.mqtt && <MqttStatusFigure status={stats.mqtt} />}
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
      <DeadLetterFigure stats={stats} href={deadLettersHref} />
      {/* Labelled: a bare running clock reads like a timer. */}
      <div
        className={cx(styles.figure, styles.clock)}
        data-testid="city-clock"
        title={now === null ? "City time" : `City time (${formatTimeZoneName(now)})`}
      >
        <time className={styles.value} dateTime={now === null ? undefined : new Date(now).toISOString()}>
          {now === null ? "--:--:--" : formatClock(now)}
        </time>
        <span className={styles.label}>city time{now === null ? "" : ` · ${formatTimeZoneName(now)}`}</span>
      </div>
    </div>
  );
}
