import { formatClock, formatDate, formatDateTime } from "@/components/format/date-time";
/** A timestamp in the reader's locale and time zone, machine-readable too. */
export function DateTime({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

/** A time of day, with its date only when that is not `sameDayAs`'s (the full date and time on hover). */
export function TimeOfDay({ iso, sameDayAs, fallback = "—" }: { iso: string | null; sameDayAs: string; fallback?: string }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  const text = formatDate(iso) === formatDate(sameDayAs) ? formatClock(iso) : formatDateTime(iso);
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {text}
    </time>
  );
}
