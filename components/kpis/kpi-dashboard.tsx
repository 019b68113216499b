"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { KPI_METRICS, ZKpiMetric, type TKpiMetric, type TKpiReport } from "@/lib/contracts/history";
import { errorMessage } from "@/components/api/request-json";
import { kpiFiltersToSearch, parseKpiFilters, type TKpiFilters } from "./kpi-filters";
import { KpiHourChart } from "./kpi-hour-chart";
import { KPI_METRIC_LABEL } from "./kpi-labels";
import { kpiReportQuery } from "./kpi-queries";
import { KpiRangeForm } from "./kpi-range-form";
import { KPI_TABLE_DESCRIPTION, KpiTable } from "./kpi-table";
import { KpiTargetsForm } from "./kpi-targets-form";
import { KpiTiles } from "./kpi-tiles";
import { KpiTypeChart } from "./kpi-type-chart";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/format/date-time";
import { QueryState } from "@/components/ui/query-state";
import { Card, CardTitle } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { Field, FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Select } from "@/components/ui/input";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import styles from "./kpi-dashboard.module.css";

/** /kpis: response-time figures for a period, with the view in the URL so it can be shared. */
export function KpiDashboard() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const filters = useMemo(() => parseKpiFilters(new URLSearchParams(search)), [search]);
  // "Last 7 days" is as of when the view was chosen (or refreshed), not of every render.
  const [now, setNow] = useState(() => Date.now());
  const report = useQuery(kpiReportQuery(filters, now));

  const apply = (next: TKpiFilters) => {
    setNow(Date.now());
    const query = kpiFiltersToSearch(next);
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>Response times</PageTitle>
          <PageSubtitle>
            How fast incidents were acknowledged, dispatched, reached and resolved, against the targets below. The link keeps the period and
            filters, so a view can be shared.
          </PageSubtitle>
        </div>
        {filters.range.kind === "preset" && (
          <Button onClick={() => setNow(Date.now())} disabled={report.isFetching}>
            Refresh
          </Button>
        )}
      </PageHead>

      <KpiRangeForm filters={filters} onApply={apply} />

      <div aria-busy={report.isFetching} className={styles.results}>
        {report.isPending ? (
          <QueryState state="loading" size="page" className={styles.stateCard}>
            <p>Working out response times…</p>
          </QueryState>
        ) : report.isError && !report.data ? (
          <QueryState
            state="error"
            size="page"
            className={styles.stateCard}
            title="The figures could not be loaded"
            detail={errorMessage(report.error)}
          >
            <Button onClick={() => void report.refetch()}>Try again</Button>
          </QueryState>
        ) : (
          <KpiResults report={report.data} stale={report.isPlaceholderData} error={report.isError ? errorMessage(report.error) : null} />
        )}
      </div>

      <KpiTargetsForm />
    </Page>
  );
}

function KpiResults({ report, stale, error }: { report: TKpiReport; stale: boolean; error: string | null }) {
  const id = useId();
  const [metric, setMetric] = useState<TKpiMetric>("mtta");
  const target = report.overall.find((f) => f.metric === metric)?.targetSeconds ?? null;
  const period = `${formatDateTime(report.from, { withSeconds: false })} – ${formatDateTime(report.to, { withSeconds: false })}`;

  return (
    <div className={cx(styles.body, stale && styles.stale)}>
      <p className={styles.summary} role="status" aria-live="polite">
        {stale ? "Updating… " : ""}
        <strong>{report.incidents.toLocaleString("en-US")}</strong> {report.incidents === 1 ? "incident" : "incidents"} created {period}{" "}
        (your time) · <strong>{report.resolved.toLocaleString("en-US")}</strong> resolved
      </p>
      {error && <FormError role="alert">{error}</FormError>}

      {report.incidents === 0 ? (
        <QueryState
          state="empty"
          size="page"
          className={styles.stateCard}
          data-testid="kpi-empty"
          title="No incidents in this range"
          detail="Choose a longer period, or include more incident types and zones."
        />
      ) : (
        <>
          <KpiTiles figures={report.overall} />

          <Card className={styles.charts} aria-labelledby={`${id}-charts`}>
            <div className={styles.chartsHead}>
              <CardTitle id={`${id}-charts`}>{KPI_METRIC_LABEL[metric]}: median and 90th percentile</CardTitle>
              <Field className={styles.metric}>
                <FieldLabel htmlFor={`${id}-metric`}>Chart</FieldLabel>
                <Select
                  controlSize="responsive"
                  id={`${id}-metric`}
                  value={metric}
                  onChange={(e) => setMetric(ZKpiMetric.catch("mtta").parse(e.target.value))}
                >
                  {KPI_METRICS.map((m) => (
                    <option key={m} value={m}>
                      {KPI_METRIC_LABEL[m]}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <div className={styles.chartsGrid}>
              <figure className={styles.chart}>
                <figcaption className={styles.chartCaption}>By hour of day (city time), in minutes</figcaption>
                <KpiHourChart byHour={report.byHour} metric={metric} targetSeconds={target} />
              </figure>
              <figure className={styles.chart}>
                <figcaption className={styles.chartCaption}>By incident type, in minutes</figcaption>
                <KpiTypeChart byType={report.byType} metric={metric} targetSeconds={target} />
              </figure>
            </div>
            <p className={styles.chartsNote}>Every number behind the charts is in the table below.</p>
          </Card>

          <Card flush aria-labelledby={`${id}-table`}>
            <div className={styles.tableHead}>
              <CardTitle id={`${id}-table`}>All figures</CardTitle>
              <p className={styles.tableDescription}>{KPI_TABLE_DESCRIPTION}</p>
            </div>
            <KpiTable report={report} />
          </Card>
        </>
      )}
    </div>
  );
}
