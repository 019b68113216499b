import { INCIDENT_TYPES } from "@/lib/contracts/incidents";
import type { TIncidentType } from "@/components/incidents/incident-labels";

/**
 * The /kpis view lives in the URL so it can be shared: `range=7d` (rolling: "the last 7 days" whenever the
 * link is opened) or `from=…&to=…` (fixed ISO instants), plus `type=fire,medical` and `zone=North`.
 */
export const KPI_PRESETS = [
  { id: "24h", label: "Last 24 h", days: 1 },
  { id: "7d", label: "7 days", days: 7 },
  { id: "30d", label: "30 days", days: 30 },
  { id: "1y", label: "1 year", days: 365 },
] as const;
export type TKpiPreset = (typeof KPI_PRESETS)[number]["id"];
const DEFAULT_KPI_PRESET: TKpiPreset = "7d";

export type TKpiRange = { kind: "preset"; preset: TKpiPreset } | { kind: "custom"; from: string; to: string };
export type TKpiFilters = { range: TKpiRange; types: TIncidentType[]; zone?: string };

type TSearchLike = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function read(search: TSearchLike, key: string): string | undefined {
  const raw =
    typeof search.get === "function" ? (search as { get(name: string): string | null }).get(key) : (search as Record<string, unknown>)[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function instant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

const isPreset = (value: string | undefined): value is TKpiPreset => KPI_PRESETS.some((p) => p.id === value);

/** Reads the view from URL search params; anything missing or unreadable falls back to the last 7 days, all types, all zones. */
export function parseKpiFilters(search: TSearchLike): TKpiFilters {
  const from = instant(read(search, "from"));
  const to = instant(read(search, "to"));
  const preset = read(search, "range");
  const range: TKpiRange =
    from && to && from < to && !isPreset(preset)
      ? { kind: "custom", from, to }
      : { kind: "preset", preset: isPreset(preset) ? preset : DEFAULT_KPI_PRESET };
  const picked = new Set((read(search, "type") ?? "").split(",").map((t) => t.trim()));
  const zone = read(search, "zone")?.slice(0, 64);
  return { range, types: INCIDENT_TYPES.filter((t) => picked.has(t)), ...(zone ? { zone } : {}) };
}

/** The query string of a view, in a stable order (the default view is ""). */
export function kpiFiltersToSearch(filters: TKpiFilters): string {
  const params = new URLSearchParams();
  if (filters.range.kind === "custom") {
    params.set("from", filters.range.from);
    params.set("to", filters.range.to);
  } else if (filters.range.preset !== DEFAULT_KPI_PRESET) {
    params.set("range", filters.range.preset);
  }
  if (filters.types.length > 0) params.set("type", filters.types.join(","));
  if (filters.zone) params.set("zone", filters.zone);
  return params.toString().replaceAll("%2C", ",");
}

/**
 * The instants a view covers as of `now`. A preset ends at the start of the next minute, so a view asked
 * for twice within a minute is the same request (and the same cache entry).
 */
export function resolveKpiRange(range: TKpiRange, now: number): { from: string; to: string } {
  if (range.kind === "custom") return { from: range.from, to: range.to };
  const to = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const days = KPI_PRESETS.find((p) => p.id === range.preset)?.days ?? 7;
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

/** GET /api/history/kpis for a view as of `now`. */
export function kpiApiUrl(filters: TKpiFilters, now: number): string {
  const params = new URLSearchParams(resolveKpiRange(filters.range, now));
  if (filters.types.length > 0) params.set("type", filters.types.join(","));
  if (filters.zone) params.set("zone", filters.zone);
  return `/api/history/kpis?${params.toString()}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * A custom range as the two <input type="date"> values (the browser's calendar days, both included):
 * `to` is exclusive in the URL, so the last day shown is the one before it.
 */
export function rangeToDateInputs(range: { from: string; to: string }): { from: string; to: string } {
  return { from: localDate(new Date(range.from)), to: localDate(new Date(Date.parse(range.to) - 1)) };
}

/** Two date-input values → a custom range from the first day's midnight to the midnight after the last day; null when blank, invalid or backwards. */
export function dateInputsToRange(fromDay: string, toDay: string): { kind: "custom"; from: string; to: string } | null {
  const start = parseLocalDay(fromDay);
  const end = parseLocalDay(toDay);
  if (!start || !end || end < start) return null;
  end.setDate(end.getDate() + 1); // calendar arithmetic: right across daylight-saving changes
  return { kind: "custom", from: start.toISOString(), to: end.toISOString() };
}

function parseLocalDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(day.getTime()) || localDate(day) !== value ? null : day;
}
