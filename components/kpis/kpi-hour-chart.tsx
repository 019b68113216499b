"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TKpiGroup, TKpiMetric } from "@/lib/contracts/history";
import { AXIS_TICK, CHART_COLORS, P50_NAME, P90_NAME, TOOLTIP_STYLE } from "./kpi-chart-style";
import { hourChartPoints, type THourPoint } from "./kpi-chart-data";
import { formatMinutes, toMinutes } from "./kpi-format";
import styles from "./kpi-chart.module.css";

type TKpiHourChartProps = { byHour: readonly TKpiGroup[]; metric: TKpiMetric; targetSeconds: number | null };

type TDotProps = { cx?: number; cy?: number; index?: number; payload?: THourPoint };

/** A dot only where a line has a lone value (no line segment can show it). */
function aloneDot(flag: "isP50Alone" | "isP90Alone", color: string) {
  return ({ cx, cy, index, payload }: TDotProps) =>
    payload?.[flag] && cx !== undefined && cy !== undefined ? (
      <circle key={`${flag}-${index}`} cx={cx} cy={cy} r={4} fill={color} stroke={color} data-testid="kpi-hour-dot" />
    ) : (
      <g key={`${flag}-${index}`} />
    );
}

/** p50 and p90 of one metric across the hours of the day (city time): when in the day response slows down. */
export function KpiHourChart({ byHour, metric, targetSeconds }: TKpiHourChartProps) {
  const data = hourChartPoints(byHour, metric);
  const target = toMinutes(targetSeconds);
  return (
    <div className={styles.plot}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke={CHART_COLORS.grid} interval="preserveStartEnd" minTickGap={16} />
          <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.grid} width={48} unit=" m" allowDecimals={false} />
          <Tooltip {...TOOLTIP_STYLE} formatter={(value) => (typeof value === "number" ? formatMinutes(value) : "—")} />
          <Legend wrapperStyle={{ fontSize: AXIS_TICK.fontSize, color: CHART_COLORS.axis }} />
          {target !== null && (
            <ReferenceLine
              y={target}
              stroke={CHART_COLORS.target}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{
                value: `Target ${formatMinutes(target)}`,
                fill: CHART_COLORS.target,
                fontSize: AXIS_TICK.fontSize,
                position: "insideTopRight",
              }}
            />
          )}
          <Line
            type="monotone"
            dataKey="p50"
            name={P50_NAME}
            stroke={CHART_COLORS.p50}
            strokeWidth={2}
            dot={aloneDot("isP50Alone", CHART_COLORS.p50)}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="p90"
            name={P90_NAME}
            stroke={CHART_COLORS.p90}
            strokeWidth={2}
            strokeDasharray="2 3"
            dot={aloneDot("isP90Alone", CHART_COLORS.p90)}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
