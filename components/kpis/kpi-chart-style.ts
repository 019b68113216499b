/** Recharts draws SVG: colours come from here rather than CSS variables (same values as app/globals.css). */
export const CHART_COLORS = {
  p50: "#4cc2ff",
  p90: "#b197fc",
  target: "#fbbf24",
  grid: "#232c38",
  axis: "#9aa6b5",
  tooltipBackground: "#141a23",
  tooltipBorder: "#2f3a48",
  text: "#e6ebf1",
} as const;

export const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 12 } as const;

export const TOOLTIP_STYLE = {
  contentStyle: { background: CHART_COLORS.tooltipBackground, border: `1px solid ${CHART_COLORS.tooltipBorder}`, borderRadius: 8, color: CHART_COLORS.text },
  labelStyle: { color: CHART_COLORS.text, fontWeight: 600 },
  itemStyle: { color: CHART_COLORS.text },
  cursor: { fill: "rgb(255 255 255 / 0.04)", stroke: CHART_COLORS.grid },
} as const;

export const P50_NAME = "Median (p50)";
export const P90_NAME = "90th percentile";
