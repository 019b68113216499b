import type { TKpiFigure } from "@/lib/contracts/history";
import { formatSeconds } from "@/components/history/format-seconds";
import { formatShare, TARGET_STATUS_LABEL, targetStatus } from "./kpi-format";
import { KPI_METRIC_LABEL, KPI_METRIC_SPAN } from "./kpi-labels";

const STATUS_ICON = { met: "✓", partly: "◐", missed: "✕", noTarget: "–", noData: "–" } as const;

/** The headline: one tile per step, its median large, coloured against the target and saying so in words. */
export function KpiTiles({ figures }: { figures: readonly TKpiFigure[] }) {
  return (
    <ul className="kpi-tiles" data-testid="kpi-tiles" aria-label="Response times for the whole period">
      {figures.map((figure) => {
        const status = targetStatus(figure);
        return (
          <li key={figure.metric} className={`kpi-tile kpi-tile--${status}`} data-testid={`kpi-tile-${figure.metric}`} data-status={status}>
            <h3 className="kpi-tile__title">{KPI_METRIC_LABEL[figure.metric]}</h3>
            <p className="kpi-tile__span">{KPI_METRIC_SPAN[figure.metric]}</p>
            <p className="kpi-tile__value">
              <span className="visually-hidden">Median </span>
              {formatSeconds(figure.p50Seconds)}
              <span className="kpi-tile__value-label" aria-hidden="true">
                median
              </span>
            </p>
            <dl className="kpi-tile__facts">
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
            <p className="kpi-tile__status">
              <span className="kpi-tile__status-icon" aria-hidden="true">
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
