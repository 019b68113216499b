import { CHART_COLOR, FONT_SIZE, RADIUS } from "@/lib/design/tokens";

/** Recharts draws SVG: colours come from the design tokens rather than CSS variables. */
export const CHART_COLORS = CHART_COLOR;

export const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: FONT_SIZE.sm } as const;

export const TOOLTIP_STYLE = {
  contentStyle: {
    background: CHART_COLORS.tooltipBackground,
    border: `1px solid ${CHART_COLORS.tooltipBorder}`,
    borderRadius: RADIUS.lg,
    color: CHART_COLORS.text,
  },
  labelStyle: { color: CHART_COLORS.text, fontWeight: 600 },
  itemStyle: { color: CHART_COLORS.text },
  cursor: { fill: CHART_COLORS.cursor, stroke: CHART_COLORS.grid },
} as const;

export const P50_NAME = "Median (p50)";
export const P90_NAME = "90th percentile";
