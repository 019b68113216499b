import type { TIngestStats } from "@/lib/contracts/realtime";
import { describeDeadLetterStore } from "./describe-dead-letter-store";
import { SourceStatusFigure } from "./source-status";
import { formatClock } from "@/components/format/date-time";
import { formatInt } from "@/components/format/number";

type TFigureProps = { testId: string; label: string; value: number | null; title?: string; tone?: "alert" };

function Figure({ testId, label, value, title, tone }: TFigureProps) {
  return (
    <div className={`figure${tone ? ` figure--${tone}` : ""}`} data-testid={testId} data-value={value ?? undefined} title={title}>
      <span className="figure__value">{value === null ? "—" : formatInt(value)}</span>
      <span className="figure__label">{label}</span>
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
      className={`figures${isStale ? " figures--stale" : ""}`}
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
        <div className="figure figure--source" data-testid="figure-consumer-lag" data-source={stats?.source ?? ""}>
          {/* Reads "source: simulator" to assistive tech and tests; shown value-over-label like the others. */}
          <span className="figure__label">
            source<span className="visually-hidden">:</span>
          </span>{" "}
          <span className="figure__text">{stats?.source ?? "—"}</span>
        </div>
      )}
      <Figure
        testId="figure-dead-lettered"
        label={deadLetters.label}
        value={stats?.deadLettered ?? null}
        title="Events rejected as invalid and sent to the dead-letter topic"
        tone={(stats && stats.deadLettered > 0) || deadLetters.isTrouble ? "alert" : undefined}
      />
      <time className="clock" dateTime={now === null ? undefined : new Date(now).toISOString()} aria-label="Local time">
        {now === null ? "--:--:--" : formatClock(now)}
      </time>
    </div>
  );
}
