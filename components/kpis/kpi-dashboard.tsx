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
import { Field, FieldLabel } from "@/components/ui/field";

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
    <div className="page kpis">
      <div className="page__head">
        <div>
          <h1 className="page__title">Response times</h1>
          <p className="page__subtitle">
            How fast incidents were acknowledged, dispatched, reached and resolved, against the targets below. The link keeps the period and filters, so a
            view can be shared.
          </p>
        </div>
        {filters.range.kind === "preset" && (
          <Button onClick={() => setNow(Date.now())} disabled={report.isFetching}>
            Refresh
          </Button>
        )}
      </div>

      <KpiRangeForm filters={filters} onApply={apply} />

      <div aria-busy={report.isFetching} className="kpis__results">
        {report.isPending ? (
          <QueryState state="loading" size="page" className="card">
            <p>Working out response times…</p>
          </QueryState>
        ) : report.isError && !report.data ? (
          <QueryState state="error" size="page" className="card" title="The figures could not be loaded" detail={errorMessage(report.error)}>
            <Button onClick={() => void report.refetch()}>
              Try again
            </Button>
          </QueryState>
        ) : (
          <KpiResults report={report.data} stale={report.isPlaceholderData} error={report.isError ? errorMessage(report.error) : null} />
        )}
      </div>

      <KpiTargetsForm />
    </div>
  );
}

function KpiResults({ report, stale, error }: { report: TKpiReport; stale: boolean; error: string | null }) {
  const id = useId();
  const [metric, setMetric] = useState<TKpiMetric>("mtta");
  const target = report.overall.find((f) => f.metric === metric)?.targetSeconds ?? null;
  const period = `${formatDateTime(report.from, { withSeconds: false })} – ${formatDateTime(report.to, { withSeconds: false })}`;

  return (
    <div className={`kpis__body${stale ? " kpis__body--stale" : ""}`}>
      <p className="kpis__summary" role="status" aria-live="polite">
        {stale ? "Updating… " : ""}
        <strong>{report.incidents.toLocaleString("en-US")}</strong> {report.incidents === 1 ? "incident" : "incidents"} created {period} (your time) ·{" "}
        <strong>{report.resolved.toLocaleString("en-US")}</strong> resolved
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      {report.incidents === 0 ? (
        <QueryState state="empty" size="page" className="card" data-testid="kpi-empty" title="No incidents in this range" detail="Choose a longer period, or include more incident types and zones." />
      ) : (
        <>
          <KpiTiles figures={report.overall} />

          <section className="card kpi-charts" aria-labelledby={`${id}-charts`}>
            <div className="kpi-charts__head">
              <h2 className="card__title" id={`${id}-charts`}>
                {KPI_METRIC_LABEL[metric]}: median and 90th percentile
              </h2>
              <Field className="kpi-charts__metric">
                <FieldLabel htmlFor={`${id}-metric`}>
                  Chart
                </FieldLabel>
                <select
                  id={`${id}-metric`}
                  className="input select select--compact"
                  value={metric}
                  onChange={(e) => setMetric(ZKpiMetric.catch("mtta").parse(e.target.value))}
                >
                  {KPI_METRICS.map((m) => (
                    <option key={m} value={m}>
                      {KPI_METRIC_LABEL[m]}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <div className="kpi-charts__grid">
              <figure className="kpi-chart">
                <figcaption className="kpi-chart__caption">By hour of day (city time), in minutes</figcaption>
                <KpiHourChart byHour={report.byHour} metric={metric} targetSeconds={target} />
              </figure>
              <figure className="kpi-chart">
                <figcaption className="kpi-chart__caption">By incident type, in minutes</figcaption>
                <KpiTypeChart byType={report.byType} metric={metric} targetSeconds={target} />
              </figure>
            </div>
            <p className="kpi-charts__note">Every number behind the charts is in the table below.</p>
          </section>

          <section className="card card--flush kpi-table-card" aria-labelledby={`${id}-table`}>
            <div className="kpi-table-card__head">
              <h2 className="card__title" id={`${id}-table`}>
                All figures
              </h2>
              <p className="kpi-table-card__description">{KPI_TABLE_DESCRIPTION}</p>
            </div>
            <KpiTable report={report} />
          </section>
        </>
      )}
    </div>
  );
}
