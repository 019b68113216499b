"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TKpiGroup, TKpiMetric } from "@/lib/contracts/history";
import { INCIDENT_TYPE_LABEL, type TIncidentType } from "@/components/incidents/incident-labels";
import { AXIS_TICK, CHART_COLORS, P50_NAME, P90_NAME, TOOLTIP_STYLE } from "./kpi-chart-style";
import { chartPoints } from "./kpi-chart-data";
import { formatMinutes, toMinutes } from "./kpi-format";
import styles from "./kpi-chart.module.css";

type TKpiTypeChartProps = { byType: readonly TKpiGroup[]; metric: TKpiMetric; targetSeconds: number | null };

const typeLabel = (key: string) => INCIDENT_TYPE_LABEL[key as TIncidentType] ?? key;
const ROW_HEIGHT = 34;

/** p50 and p90 of one metric per incident type, busiest type first; horizontal bars so long names fit a phone. */
export function KpiTypeChart({ byType, metric, targetSeconds }: TKpiTypeChartProps) {
  const data = chartPoints(byType, metric, typeLabel);
  const target = toMinutes(targetSeconds);
  return (
    <div className={styles.plot} style={{ height: Math.max(160, 72 + data.length * ROW_HEIGHT) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 24, right: 16, bottom: 0, left: 0 }} barGap={2}>
          <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK} stroke={CHART_COLORS.grid} unit=" m" allowDecimals={false} />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} stroke={CHART_COLORS.grid} width={112} interval={0} />
          <Tooltip {...TOOLTIP_STYLE} formatter={(value) => (typeof value === "number" ? formatMinutes(value) : "—")} />
          <Legend wrapperStyle={{ fontSize: AXIS_TICK.fontSize, color: CHART_COLORS.axis }} />
          {target !== null && (
            <ReferenceLine
              x={target}
              stroke={CHART_COLORS.target}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{ value: `Target ${formatMinutes(target)}`, fill: CHART_COLORS.target, fontSize: AXIS_TICK.fontSize, position: "top" }}
            />
          )}
          <Bar dataKey="p50" name={P50_NAME} fill={CHART_COLORS.p50} radius={[0, 3, 3, 0]} isAnimationActive={false} />
          <Bar dataKey="p90" name={P90_NAME} fill={CHART_COLORS.p90} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
