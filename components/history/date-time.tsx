import { formatDateTime } from "@/components/format/date-time";
/** A timestamp in the reader's locale and time zone, machine-readable too. */
export function DateTime({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}
