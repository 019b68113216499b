import type { TKpiMetric } from "@/lib/contracts/history";

export const KPI_METRIC_LABEL: Record<TKpiMetric, string> = {
  mtta: "Time to acknowledge",
  timeToDispatch: "Time to dispatch",
  timeToArrive: "Time to arrive",
  mttr: "Time to resolve",
};

/** Column headings and chart legends, where room is short. */
export const KPI_METRIC_SHORT: Record<TKpiMetric, string> = {
  mtta: "Acknowledge",
  timeToDispatch: "Dispatch",
  timeToArrive: "Arrive",
  mttr: "Resolve",
};

/** Which two moments each figure measures. */
export const KPI_METRIC_SPAN: Record<TKpiMetric, string> = {
  mtta: "Created → first acknowledged (MTTA)",
  timeToDispatch: "Created → first unit dispatched",
  timeToArrive: "First unit dispatched → first unit on scene",
  mttr: "Created → resolved (MTTR)",
};
