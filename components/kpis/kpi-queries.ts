import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { ZKpiReport, ZKpiTargets } from "@/lib/contracts/history";
import { requestJson } from "@/components/api/request-json";
import { kpiApiUrl, type TKpiFilters } from "./kpi-filters";

export const kpiKeys = {
  reports: ["kpis", "report"] as const,
  report: (url: string) => ["kpis", "report", url] as const,
  targets: ["kpis", "targets"] as const,
};

/** GET /api/history/kpis for a view as of `now`; the last report stays on screen while the next one loads. */
export const kpiReportQuery = (filters: TKpiFilters, now: number) => {
  const url = kpiApiUrl(filters, now);
  return queryOptions({
    queryKey: kpiKeys.report(url),
    queryFn: ({ signal }) => requestJson(url, ZKpiReport, { signal }),
    placeholderData: keepPreviousData,
  });
};

/** GET /api/history/kpi-targets */
export const kpiTargetsQuery = () =>
  queryOptions({
    queryKey: kpiKeys.targets,
    queryFn: ({ signal }) => requestJson("/api/history/kpi-targets", ZKpiTargets, { signal }),
  });
