"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DEAD_LETTER_REASON_KINDS, type TDeadLetterCounts } from "@/lib/contracts/dead-letters";
import { DEAD_LETTER_REASON_COLOR } from "@/lib/design/tokens";
import { formatClock, formatDateTime } from "@/components/format/date-time";
import { formatInt } from "@/components/format/number";
import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from "@/components/kpis/kpi-chart-style";
import { REASON_KIND_LABEL } from "./dead-letter-labels";
import styles from "./dead-letter-counts-chart.module.css";

/** Letters per hour, stacked by reason: which kind of fault rose, and when. Reasons with no letter are left out. */
export function DeadLetterCountsChart({ counts }: { counts: TDeadLetterCounts }) {
  const kinds = DEAD_LETTER_REASON_KINDS.filter((kind) => counts.hours.some((h) => (h.counts[kind] ?? 0) > 0));
  const data = counts.hours.map((h) => ({ label: formatClock(h.hour, { withSeconds: false }), hour: h.hour, ...h.counts }));
  return (
    <div className={styles.plot} data-testid="dead-letter-counts-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke={CHART_COLORS.grid} interval="preserveStartEnd" minTickGap={16} />
          <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.grid} width={48} allowDecimals={false} />
          <Tooltip
            {...TOOLTIP_STYLE}
            labelFormatter={(_, payload) => {
              const hour = payload?.[0]?.payload?.hour;
              return typeof hour === "string" ? `Hour from ${formatDateTime(hour, { withSeconds: false })}` : "";
            }}
            formatter={(value) => (typeof value === "number" ? formatInt(value) : "—")}
          />
          <Legend wrapperStyle={{ fontSize: AXIS_TICK.fontSize, color: CHART_COLORS.axis }} />
          {kinds.map((kind) => (
            <Bar
              key={kind}
              dataKey={kind}
              stackId="reasons"
              name={REASON_KIND_LABEL[kind]}
              fill={DEAD_LETTER_REASON_COLOR[kind]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
