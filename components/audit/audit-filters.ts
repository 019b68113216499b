/**
 * Audit filters live in the URL (?action=&actor=&entityType=&from=&to=), so a view can be
 * shared or bookmarked. from/to are ISO instants in the URL and local times in the inputs.
 */
const AUDIT_FILTER_KEYS = ["action", "actor", "entityType", "from", "to"] as const;
export type TAuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type TAuditFilters = Partial<Record<TAuditFilterKey, string>>;

type TSearchLike = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(search: TSearchLike, key: string): string | undefined {
  const raw =
    typeof search.get === "function" ? (search as { get(name: string): string | null }).get(key) : (search as Record<string, unknown>)[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function normalizeInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Reads filters from URL search params, dropping blanks and unparseable dates. */
export function parseAuditFilters(search: TSearchLike): TAuditFilters {
  const filters: TAuditFilters = {};
  for (const key of ["action", "actor", "entityType"] as const) {
    const value = read(search, key);
    if (value) filters[key] = value.slice(0, key === "actor" ? 254 : 100);
  }
  const from = normalizeInstant(read(search, "from"));
  const to = normalizeInstant(read(search, "to"));
  if (from) filters.from = from;
  if (to) filters.to = to;
  return filters;
}

/** The query string for these filters, in a stable order ("" when none). */
export function auditFiltersToSearch(filters: TAuditFilters): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function hasAuditFilters(filters: TAuditFilters): boolean {
  return AUDIT_FILTER_KEYS.some((key) => filters[key]);
}

/** GET /api/audit query: the filters plus the keyset cursor of the page to load. */
export function auditApiUrl(filters: TAuditFilters, cursor: string | null, limit: number): string {
  const params = new URLSearchParams(auditFiltersToSearch(filters));
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(limit));
  return `/api/audit?${params.toString()}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO instant → value of an <input type="datetime-local"> in the browser's time zone. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** <input type="datetime-local"> value (local time) → ISO instant, or undefined when blank/invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value); // a date-time string without offset is local time
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
