import { ZPointsQuery } from "@/lib/contracts/history";

/**
 * The analysis page's state that belongs in the URL (?mode=&kind=&style=&range=&from=&to=), so a view can be
 * shared or bookmarked. Defaults are left out of the URL. from/to are ISO instants, used with range=custom.
 */
export const ANALYSIS_MODES = ["hotspots", "playback"] as const;
export const HOTSPOT_KINDS = ZPointsQuery.shape.kind.unwrap().options;
export const HOTSPOT_STYLES = ["heatmap", "hexagon"] as const;
export const RANGE_PRESETS = [
  { id: "24h", label: "24 h", hours: 24 },
  { id: "7d", label: "7 days", hours: 7 * 24 },
  { id: "30d", label: "30 days", hours: 30 * 24 },
  { id: "1y", label: "1 year", hours: 365 * 24 },
] as const;

export type TAnalysisMode = (typeof ANALYSIS_MODES)[number];
export type THotspotKind = (typeof HOTSPOT_KINDS)[number];
export type THotspotStyle = (typeof HOTSPOT_STYLES)[number];
export type TRangeChoice = (typeof RANGE_PRESETS)[number]["id"] | "custom";

export type TAnalysisParams = {
  mode: TAnalysisMode;
  kind: THotspotKind;
  style: THotspotStyle;
  range: TRangeChoice;
  /** range=custom only. */
  from?: string;
  to?: string;
};

export const DEFAULT_ANALYSIS_PARAMS: TAnalysisParams = { mode: "hotspots", kind: "incidents", style: "heatmap", range: "7d" };

type TSearchLike = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(search: TSearchLike, key: string): string | undefined {
  const raw =
    typeof search.get === "function" ? (search as { get(name: string): string | null }).get(key) : (search as Record<string, unknown>)[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

function instant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const RANGE_CHOICES: readonly TRangeChoice[] = [...RANGE_PRESETS.map((p) => p.id), "custom"];

/** Reads the URL, falling back to the defaults for anything missing or unknown. */
export function parseAnalysisParams(search: TSearchLike): TAnalysisParams {
  const d = DEFAULT_ANALYSIS_PARAMS;
  const params: TAnalysisParams = {
    mode: oneOf(ANALYSIS_MODES, read(search, "mode"), d.mode),
    kind: oneOf(HOTSPOT_KINDS, read(search, "kind"), d.kind),
    style: oneOf(HOTSPOT_STYLES, read(search, "style"), d.style),
    range: oneOf(RANGE_CHOICES, read(search, "range"), d.range),
  };
  if (params.range === "custom") {
    const from = instant(read(search, "from"));
    const to = instant(read(search, "to"));
    // A custom range needs its start; without one the default preset applies.
    if (!from || (to && Date.parse(to) <= Date.parse(from))) return { ...params, range: d.range };
    params.from = from;
    if (to) params.to = to;
  }
  return params;
}

/** The query string for these params in a stable order, without defaults ("" for the default view). */
export function analysisParamsToSearch(params: TAnalysisParams): string {
  const search = new URLSearchParams();
  for (const key of ["mode", "kind", "style", "range"] as const) {
    if (params[key] !== DEFAULT_ANALYSIS_PARAMS[key]) search.set(key, params[key]);
  }
  if (params.range === "custom") {
    if (params.from) search.set("from", params.from);
    if (params.to) search.set("to", params.to);
  }
  return search.toString();
}

/** The instants a range stands for: presets end now (to the minute, so the query key holds still). */
export function resolveRange(params: TAnalysisParams, nowMs: number): { from: string; to: string } {
  const end = Math.floor(nowMs / 60_000) * 60_000;
  if (params.range === "custom" && params.from) return { from: params.from, to: params.to ?? new Date(end).toISOString() };
  const preset = RANGE_PRESETS.find((p) => p.id === params.range) ?? RANGE_PRESETS[1];
  return { from: new Date(end - preset.hours * 3_600_000).toISOString(), to: new Date(end).toISOString() };
}

/** GET /api/history/points for a kind and range (ZPointsQuery). */
export function pointsApiUrl(kind: THotspotKind, range: { from: string; to: string }): string {
  return `/api/history/points?${new URLSearchParams({ kind, from: range.from, to: range.to }).toString()}`;
}
