import { describe, expect, it } from "vitest";
import type { TKpiGroup } from "@/lib/contracts/history";
import { hourChartPoints } from "./kpi-chart-data";

const figures = (p50Seconds: number | null, p90Seconds: number | null, count = 1): TKpiGroup["figures"] => [
  { metric: "mtta", count, p50Seconds, p90Seconds, targetSeconds: null, withinTarget: null },
];
/** The API's byHour: every hour of the day, the quiet ones with no figures. */
const day = (busy: Record<number, [number, number]>): TKpiGroup[] =>
  Array.from({ length: 24 }, (_, hour) => {
    const values = busy[hour];
    return values
      ? { key: String(hour), incidents: 2, figures: figures(...values) }
      : { key: String(hour), incidents: 0, figures: figures(null, null, 0) };
  });

describe("hour-of-day chart points", () => {
  it("marks the one busy hour of a single-hour range so it is drawn (a lone point has no line segment)", () => {
    const points = hourChartPoints(day({ 14: [90, 240] }), "mtta");
    expect(points).toHaveLength(24);
    expect(points[14]).toMatchObject({ label: "14:00", incidents: 2, p50: 1.5, p90: 4, isP50Alone: true, isP90Alone: true });
    expect(points.filter((p) => p.p50 !== null)).toHaveLength(1);
    expect(points.filter((p) => p.isP50Alone || p.isP90Alone)).toHaveLength(1);
  });

  it("leaves runs of hours to the line, and flags hours at the ends of the day by their one neighbour", () => {
    const points = hourChartPoints(day({ 0: [60, 60], 9: [60, 120], 10: [120, 180], 23: [60, 60] }), "mtta");
    expect(points.filter((p) => p.isP50Alone).map((p) => p.key)).toEqual(["0", "23"]);
    expect(points[9]).toMatchObject({ isP50Alone: false, isP90Alone: false });
  });

  it("flags p90 on its own when only p50 has neighbours", () => {
    const groups = day({ 5: [60, 120], 6: [60, 120] });
    groups[6].figures = figures(60, null);
    expect(hourChartPoints(groups, "mtta")[5]).toMatchObject({ isP50Alone: false, isP90Alone: true });
  });
});
