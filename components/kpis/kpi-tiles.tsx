import type { TKpiFigure } from "@/lib/contracts/history";
import { formatSeconds } from "@/components/history/format-seconds";
import { formatShare, TARGET_STATUS_LABEL, targetStatus } from "./kpi-format";
import { KPI_METRIC_LABEL, KPI_METRIC_SPAN } from "./kpi-labels";
import { cx } from "@/components/ui/class-names";
import styles from "./kpi-tiles.module.css";

const STATUS_ICON = { met: "✓", partly: "◐", missed: "✕", noTarget: "–", noData: "–" } as const;
const STATUS_CLASS = {
  met: styles.met,
  partly: styles.partly,
  missed: styles.missed,
  noTarget: styles.noTarget,
  noData: styles.noData,
} as const;

/** The headline: one tile per step, its median large, coloured against the target and saying so in words. */
export function KpiTiles({ figures }: { figures: readonly TKpiFigure[] }) {
  return (
    <ul className={styles.tiles} data-testid="kpi-tiles" aria-label="Response times for the whole period">
      {figures.map((figure) => {
        const status = targetStatus(figure);
        return (
          <li
            key={figure.metric}
            className={cx(styles.tile, STATUS_CLASS[status])}
            data-testid={`kpi-tile-${figure.metric}`}
            data-status={status}
          >
            <h3 className={styles.title}>{KPI_METRIC_LABEL[figure.metric]}</h3>
            <p className={styles.span}>{KPI_METRIC_SPAN[figure.metric]}</p>
            <p className={styles.value}>
              <span className="visually-hidden">Median </span>
              {formatSeconds(figure.p50Seconds)}
              <span className={styles.valueLabel} aria-hidden="true">
                median
              </span>
            </p>
            <dl className={styles.facts}>
              <div>
                <dt>90th percentile</dt>
                <dd>{formatSeconds(figure.p90Seconds)}</dd>
              </div>
              <div>
                <dt>Target</dt>
                <dd>{figure.targetSeconds === null ? "None" : formatSeconds(figure.targetSeconds)}</dd>
              </div>
              <div>
                <dt>Within target</dt>
                <dd>{formatShare(figure.withinTarget)}</dd>
              </div>
              <div>
                <dt>Incidents</dt>
                <dd>{figure.count.toLocaleString("en-US")}</dd>
              </div>
            </dl>
            <p className={styles.status}>
              <span className={styles.statusIcon} aria-hidden="true">
                {STATUS_ICON[status]}
              </span>
              {TARGET_STATUS_LABEL[status]}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
