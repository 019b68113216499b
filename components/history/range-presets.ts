/** Quick time ranges for /history: "from N hours ago until now" (open-ended, so new rows keep arriving). */
export const RANGE_PRESETS = [
  { id: "24h", label: "Last 24 h", hours: 24 },
  { id: "7d", label: "7 days", hours: 7 * 24 },
  { id: "30d", label: "30 days", hours: 30 * 24 },
  { id: "12m", label: "12 months", hours: 365 * 24 },
  { id: "all", label: "All time", hours: null },
] as const;

/** The range of a preset as of `now`, to the whole minute (a link made twice in a minute is the same link). */
export function presetRange(id: string, now: Date): { from?: string; to?: string } {
  const preset = RANGE_PRESETS.find((p) => p.id === id);
  if (!preset?.hours) return {};
  const from = new Date(now.getTime() - preset.hours * 3_600_000);
  from.setUTCSeconds(0, 0);
  return { from: from.toISOString() };
}
