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

/** An hour's point, and whether each line has a value there with no value either side. */
export type THourPoint = TChartPoint & { isP50Alone: boolean; isP90Alone: boolean };

/**
 * The hour-of-day chart's points. Its lines have no dots (24 of them would be noise) and do not bridge
 * empty hours, so a value with empty hours either side draws no line at all: when every incident fell
 * in one hour the chart was blank. Such points are flagged so the chart gives them a dot.
 */
export function hourChartPoints(byHour: readonly TKpiGroup[], metric: TKpiMetric): THourPoint[] {
  const points = chartPoints(byHour, metric, hourLabel);
  const isAlone = (index: number, key: "p50" | "p90") =>
    points[index][key] !== null && (points[index - 1]?.[key] ?? null) === null && (points[index + 1]?.[key] ?? null) === null;
  return points.map((point, index) => ({ ...point, isP50Alone: isAlone(index, "p50"), isP90Alone: isAlone(index, "p90") }));
}
