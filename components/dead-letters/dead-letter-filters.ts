import {
  DEAD_LETTER_STATUSES,
  ZDeadLetterReasonKind,
  type TDeadLetterReasonKind,
  type TDeadLetterStatus,
} from "@/lib/contracts/dead-letters";

/** The page's filters live in the URL (?reason=&source=&status=), so a view can be shared. */
export type TDeadLetterFilters = { reason?: TDeadLetterReasonKind; source?: string; status?: Exclude<TDeadLetterStatus, "open"> };

type TSearchLike = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(search: TSearchLike, key: string): string | undefined {
  const raw =
    typeof search.get === "function" ? (search as { get(name: string): string | null }).get(key) : (search as Record<string, unknown>)[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Reads filters from URL search params, dropping anything the API would refuse. */
export function parseDeadLetterFilters(search: TSearchLike): TDeadLetterFilters {
  const filters: TDeadLetterFilters = {};
  const reason = ZDeadLetterReasonKind.safeParse(read(search, "reason"));
  if (reason.success) filters.reason = reason.data;
  const source = read(search, "source");
  if (source) filters.source = source.slice(0, 255);
  const status = read(search, "status");
  // "open" is the default view: it has no parameter of its own.
  if (status === "handled" || status === "all") filters.status = status;
  return filters;
}

/** The query string for these filters, in a stable order ("" when none). */
export function deadLetterFiltersToSearch(filters: TDeadLetterFilters): string {
  const params = new URLSearchParams();
  if (filters.reason) params.set("reason", filters.reason);
  if (filters.source) params.set("source", filters.source);
  if (filters.status && DEAD_LETTER_STATUSES.includes(filters.status)) params.set("status", filters.status);
  return params.toString();
}

export function hasDeadLetterFilters(filters: TDeadLetterFilters): boolean {
  return Boolean(filters.reason || filters.source || filters.status);
}

/** GET /api/dead-letters query: the filters plus the keyset cursor of the page to load. */
export function deadLettersApiUrl(filters: TDeadLetterFilters, cursor: string | null, limit: number): string {
  const params = new URLSearchParams(deadLetterFiltersToSearch(filters));
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(limit));
  return `/api/dead-letters?${params.toString()}`;
}
