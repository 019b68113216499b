import { KPI_METRICS, type TKpiFigure, type TKpiGroup, type TKpiReport } from "@/lib/contracts/history";
import { formatSeconds } from "@/components/history/format-seconds";
import { INCIDENT_TYPE_LABEL, type TIncidentType } from "@/components/incidents/incident-labels";
import { hourLabel } from "./kpi-chart-data";
import { formatShare } from "./kpi-format";
import { KPI_METRIC_SHORT } from "./kpi-labels";
import { cx } from "@/components/ui/class-names";
import styles from "./kpi-table.module.css";

const COLUMNS_PER_METRIC = 4;

/** Shown above the table by its card (a caption would scroll sideways with the table on a phone). */
export const KPI_TABLE_DESCRIPTION =
  "For each step: incidents that reached it (n), median (p50), 90th percentile (p90) and the share within target.";

type TSection = { title: string; groups: readonly TKpiGroup[]; label: (key: string) => string };

/** Every number of the report in one table: the whole period, then by type, by zone and by hour of day. */
export function KpiTable({ report }: { report: TKpiReport }) {
  const sections: TSection[] = [
    { title: "By incident type", groups: report.byType, label: (key) => INCIDENT_TYPE_LABEL[key as TIncidentType] ?? key },
    { title: "By zone", groups: report.byZone, label: (key) => key },
    { title: "By hour of day (city time)", groups: report.byHour.filter((g) => g.incidents > 0), label: hourLabel },
  ];
  return (
    // Focusable so keyboard users can scroll it sideways on a phone.
    <div className={styles.scroll} tabIndex={0} role="region" aria-label="All figures (scrolls sideways)">
      <table className={styles.table} data-testid="kpi-table">
        <caption className="visually-hidden">{KPI_TABLE_DESCRIPTION}</caption>
        <thead>
          <tr>
            <td rowSpan={2} />
            <th scope="col" rowSpan={2} className={styles.num}>
              Incidents
            </th>
            {KPI_METRICS.map((metric) => (
              <th key={metric} scope="colgroup" colSpan={COLUMNS_PER_METRIC} className={styles.metric}>
                {KPI_METRIC_SHORT[metric]}
              </th>
            ))}
          </tr>
          <tr>
            {KPI_METRICS.flatMap((metric) => [
              <th key={`${metric}-n`} scope="col" className={cx(styles.num, styles.first)}>
                <abbr title="Incidents that reached this step">n</abbr>
              </th>,
              <th key={`${metric}-p50`} scope="col" className={styles.num}>
                p50
              </th>,
              <th key={`${metric}-p90`} scope="col" className={styles.num}>
                p90
              </th>,
              <th key={`${metric}-within`} scope="col" className={styles.num}>
                <abbr title="Share within target">≤ target</abbr>
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          <Row label="Whole period" incidents={report.incidents} figures={report.overall} total />
        </tbody>
        {sections.map((section) => (
          <tbody key={section.title}>
            <tr className={styles.section}>
              <th scope="rowgroup" colSpan={2 + KPI_METRICS.length * COLUMNS_PER_METRIC}>
                {section.title}
              </th>
            </tr>
            {section.groups.map((group) => (
              <Row key={group.key} label={section.label(group.key)} incidents={group.incidents} figures={group.figures} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function Row({
  label,
  incidents,
  figures,
  total = false,
}: {
  label: string;
  incidents: number;
  figures: readonly TKpiFigure[];
  total?: boolean;
}) {
  return (
    <tr className={total ? styles.total : undefined}>
      <th scope="row" className={styles.label}>
        {label}
      </th>
      <td className={styles.num}>{incidents.toLocaleString("en-US")}</td>
      {figures.flatMap((figure) => [
        <td key={`${figure.metric}-n`} className={cx(styles.num, styles.first)}>
          {figure.count.toLocaleString("en-US")}
        </td>,
        <td key={`${figure.metric}-p50`} className={styles.num}>
          {formatSeconds(figure.p50Seconds)}
        </td>,
        <td key={`${figure.metric}-p90`} className={styles.num}>
          {formatSeconds(figure.p90Seconds)}
        </td>,
        <td key={`${figure.metric}-within`} className={styles.num}>
          {formatShare(figure.withinTarget)}
        </td>,
      ])}
    </tr>
  );
}
