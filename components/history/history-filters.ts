import type { z } from "zod";
import { ALERT_SEVERITIES, ALERT_STATUSES } from "@/lib/contracts/alerts";
import {
  HISTORY_SORTS,
  type TAlertHistoryQuery,
  type TIncidentHistoryFilter,
  type TIncidentHistoryQuery,
  type ZAlertHistoryFilter,
} from "@/lib/contracts/history";
import { INCIDENT_PRIORITIES, INCIDENT_STATUSES, INCIDENT_TYPES } from "@/lib/contracts/incidents";
import { LAYERS, ZDomainName } from "@/lib/contracts/layers";

/**
 * What /history shows lives in its URL, so a view can be shared, bookmarked and stepped through with the
 * back button: ?tab=alerts&from=…&type=fire,medical&cursor=…. Lists are comma-separated as the server's
 * query schemas (lib/contracts/history.ts) expect; blanks, unknown values and defaults are left out.
 */
export type TAlertHistoryFilter = z.infer<typeof ZAlertHistoryFilter>;
export type THistoryTab = "incidents" | "alerts";

type TPaging = {
  /** Keyset cursor of the page shown (absent: the first page). */
  cursor?: string;
  /** Which page that is, for display only (the server pages by cursor). */
  page: number;
  limit: number;
};
export type TIncidentHistoryView = TPaging & { tab: "incidents"; filter: TIncidentHistoryFilter; sort: TIncidentHistoryQuery["sort"] };
export type TAlertHistoryView = TPaging & { tab: "alerts"; filter: TAlertHistoryFilter; sort: TAlertHistoryQuery["sort"] };
export type THistoryView = TIncidentHistoryView | TAlertHistoryView;

export const PAGE_SIZES = [25, 50, 100, 200] as const;
const DEFAULT_PAGE_SIZE = 50;
const ALERT_SORTS = ["newest", "oldest", "severity"] as const satisfies readonly TAlertHistoryQuery["sort"][];

const INCIDENT_LISTS = { type: INCIDENT_TYPES, priority: INCIDENT_PRIORITIES, status: INCIDENT_STATUSES } as const;
const ALERT_LISTS = { severity: ALERT_SEVERITIES, status: ALERT_STATUSES } as const;
const INCIDENT_TEXTS = ["zone", "unit", "operator", "q"] as const;
const ALERT_TEXTS = ["zone", "operator", "q"] as const;
const TEXT_MAX = { zone: 64, unit: 64, operator: 64, q: 200 } as const;

/** Filter keys in the order they appear in a URL. */
const INCIDENT_FILTER_KEYS = ["from", "to", "type", "priority", "status", "zone", "unit", "operator", "q"] as const;
const ALERT_FILTER_KEYS = ["from", "to", "domain", "severity", "status", "zone", "operator", "q"] as const;

type TSearchLike = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(search: TSearchLike, key: string): string | undefined {
  const raw =
    typeof search.get === "function" ? (search as { get(name: string): string | null }).get(key) : (search as Record<string, unknown>)[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function readInstant(search: TSearchLike, key: string): string | undefined {
  const value = read(search, key);
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Known values only, once each, in the contract's order (so equal filters make equal URLs). */
function readList<T extends string>(search: TSearchLike, key: string, allowed: readonly T[]): T[] | undefined {
  const picked = new Set((read(search, key) ?? "").split(",").map((part) => part.trim()));
  const list = allowed.filter((value) => picked.has(value));
  return list.length > 0 ? list : undefined;
}

/**
 * Domain ids once each, in one order whatever order they came in (so equal filters make equal URLs): built-in
 * ones first in their order, then the rest alphabetically. Declared domains are not known here (the server
 * renders this page too), so any well-formed id is kept.
 */
export function domainList(ids: Iterable<string>): string[] | undefined {
  const picked = new Set([...ids].map((id) => id.trim()).filter((id) => ZDomainName.safeParse(id).success));
  const builtin: string[] = LAYERS.filter((layer) => picked.has(layer));
  const list = [...builtin, ...[...picked].filter((id) => !builtin.includes(id)).sort()].slice(0, 20);
  return list.length > 0 ? list : undefined;
}

function readPage(search: TSearchLike, hasCursor: boolean): number {
  const page = Number(read(search, "page"));
  return hasCursor && Number.isInteger(page) && page >= 2 ? Math.min(page, 1_000_000) : hasCursor ? 2 : 1;
}

function readLimit(search: TSearchLike): number {
  const limit = Number(read(search, "limit"));
  return (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE;
}

/** The view a URL describes; anything it cannot use is dropped rather than failing the page. */
export function parseHistoryView(search: TSearchLike): THistoryView {
  const range = { from: readInstant(search, "from"), to: readInstant(search, "to") };
  const texts = (keys: readonly (keyof typeof TEXT_MAX)[]) =>
    Object.fromEntries(keys.map((key) => [key, read(search, key)?.slice(0, TEXT_MAX[key])]));
  const cursor = read(search, "cursor")?.slice(0, 300);
  const paging = { cursor, page: readPage(search, cursor !== undefined), limit: readLimit(search) };
  const sort = read(search, "sort");

  if (read(search, "tab") === "alerts") {
    const filter: TAlertHistoryFilter = {
      ...range,
      domain: domainList((read(search, "domain") ?? "").split(",")),
      severity: readList(search, "severity", ALERT_LISTS.severity),
      status: readList(search, "status", ALERT_LISTS.status),
      ...texts(ALERT_TEXTS),
    };
    return { tab: "alerts", filter: compact(filter), sort: ALERT_SORTS.find((s) => s === sort) ?? "newest", ...paging };
  }
  const filter: TIncidentHistoryFilter = {
    ...range,
    type: readList(search, "type", INCIDENT_LISTS.type),
    priority: readList(search, "priority", INCIDENT_LISTS.priority),
    status: readList(search, "status", INCIDENT_LISTS.status),
    ...texts(INCIDENT_TEXTS),
  };
  return { tab: "incidents", filter: compact(filter), sort: HISTORY_SORTS.find((s) => s === sort) ?? "newest", ...paging };
}

function compact<T extends object>(filter: T): T {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== "")) as T;
}

function filterEntries(view: THistoryView): [string, string][] {
  const keys = view.tab === "alerts" ? ALERT_FILTER_KEYS : INCIDENT_FILTER_KEYS;
  const filter = view.filter as Record<string, string | readonly string[] | undefined>;
  return keys.flatMap((key): [string, string][] => {
    const value = filter[key];
    const text = Array.isArray(value) ? value.join(",") : typeof value === "string" ? value.trim() : "";
    return text ? [[key, text]] : [];
  });
}

/** The query string of /history for this view, in a stable order, defaults left out ("" for the plain first page). */
export function historyViewToSearch(view: THistoryView): string {
  const params = new URLSearchParams();
  if (view.tab === "alerts") params.set("tab", "alerts");
  for (const [key, value] of filterEntries(view)) params.set(key, value);
  if (view.sort !== "newest") params.set("sort", view.sort);
  if (view.limit !== DEFAULT_PAGE_SIZE) params.set("limit", String(view.limit));
  if (view.cursor) {
    params.set("cursor", view.cursor);
    params.set("page", String(view.page));
  }
  return params.toString();
}

/** GET /api/history/incidents|alerts for the page this view shows. */
export function historyApiUrl(view: THistoryView): string {
  const params = new URLSearchParams(filterEntries(view));
  params.set("sort", view.sort);
  if (view.cursor) params.set("cursor", view.cursor);
  params.set("limit", String(view.limit));
  return `/api/history/${view.tab}?${params.toString()}`;
}

/** The download of every incident matching the filter (no paging: the server streams them all). */
export function historyExportUrl(view: TIncidentHistoryView, format: "csv" | "geojson"): string {
  const params = new URLSearchParams([["format", format], ...filterEntries(view)]);
  return `/api/history/incidents/export?${params.toString()}`;
}

export function hasHistoryFilters(view: THistoryView): boolean {
  return filterEntries(view).length > 0;
}

const FIRST_PAGE = { cursor: undefined, page: 1 } as const;

/** The same view with another filter, from its first page. */
export function withFilter<V extends THistoryView>(view: V, filter: V["filter"]): V {
  return { ...view, filter: compact(filter), ...FIRST_PAGE };
}

export function withSort(view: THistoryView, sort: string): THistoryView {
  if (view.tab === "alerts") return { ...view, sort: ALERT_SORTS.find((s) => s === sort) ?? "newest", ...FIRST_PAGE };
  return { ...view, sort: HISTORY_SORTS.find((s) => s === sort) ?? "newest", ...FIRST_PAGE };
}

export function withPageSize(view: THistoryView, limit: number): THistoryView {
  return { ...view, limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE, ...FIRST_PAGE };
}

export function nextPage(view: THistoryView, cursor: string): THistoryView {
  return { ...view, cursor, page: view.page + 1 };
}

export function firstPage(view: THistoryView): THistoryView {
  return { ...view, ...FIRST_PAGE };
}

/** The other tab keeps what both tabs filter on (time range, zone, operator, text); the rest does not apply there. */
export function switchTab(view: THistoryView, tab: THistoryTab): THistoryView {
  if (view.tab === tab) return view;
  const { from, to, zone, operator, q } = view.filter;
  const shared = compact({ from, to, zone, operator, q });
  const paging = { limit: view.limit, ...FIRST_PAGE };
  return tab === "alerts" ? { tab, filter: shared, sort: "newest", ...paging } : { tab, filter: shared, sort: "newest", ...paging };
}
