import type { TKpiGroup, TKpiMetric } from "@/lib/contracts/history";
import { toMinutes } from "./kpi-format";

type TChartPoint = { key: string; label: string; incidents: number; reached: number; p50: number | null; p90: number | null };

/** One metric of each group as chart points, in minutes. */
export function chartPoints(groups: readonly TKpiGroup[], metric: TKpiMetric, labelOf: (key: string) => string): TChartPoint[] {
  return groups.map((group) => {
    const figure = group.figures.find((f) => f.metric === metric);
    return {
      key: group.key,
      label: labelOf(group.key),
      incidents: group.incidents,
      reached: figure?.count ?? 0,
      p50: toMinutes(figure?.p50Seconds ?? null),
      p90: toMinutes(figure?.p90Seconds ?? null),
    };
  });
}

/** "0" → "00:00" */
export const hourLabel = (key: string) => `${key.padStart(2, "0")}:00`;
