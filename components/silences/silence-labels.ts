import { domainCatalog } from "@/lib/domains/domain-catalog";
import { formatDateTime } from "@/components/format/date-time";
import type { TSilence, TSilenceMatchers, TSilenceWindow } from "@/lib/contracts/silences";

/** Monday first, as a week reads; values are JavaScript's day numbers (0 Sunday). */
export const WEEKDAYS: readonly { day: number; short: string }[] = [
  { day: 1, short: "Mon" },
  { day: 2, short: "Tue" },
  { day: 3, short: "Wed" },
  { day: 4, short: "Thu" },
  { day: 5, short: "Fri" },
  { day: 6, short: "Sat" },
  { day: 0, short: "Sun" },
];

const BUILTIN_LABEL = domainCatalog().label;

/** "Rule Bin on fire · Waste · Central · Entity bin-1": what a silence covers, with names where known. */
export function describeMatchers(
  matchers: TSilenceMatchers,
  ruleNames: ReadonlyMap<string, string> = new Map(),
  domainLabel: (domain: string) => string = BUILTIN_LABEL,
): string {
  const parts: string[] = [];
  if (matchers.ruleId) parts.push(`Rule ${ruleNames.get(matchers.ruleId) ?? matchers.ruleId}`);
  if (matchers.domain) parts.push(domainLabel(matchers.domain));
  if (matchers.zone) parts.push(`Zone ${matchers.zone}`);
  if (matchers.entityId) parts.push(`Entity ${matchers.entityId}`);
  return parts.join(" · ");
}

/** "Mon–Fri" for a run of days, else the days listed ("Mon, Wed, Sat"); "Every day" for all seven. */
export function describeDays(days: readonly number[]): string {
  const ordered = WEEKDAYS.filter((w) => days.includes(w.day));
  if (ordered.length === 7) return "Every day";
  const indexes = ordered.map((w) => WEEKDAYS.indexOf(w));
  const isRun = ordered.length >= 3 && indexes.every((index, i) => i === 0 || index === indexes[i - 1] + 1);
  return isRun ? `${ordered[0].short}–${ordered.at(-1)!.short}` : ordered.map((w) => w.short).join(", ");
}

/** A window in words: "3 Dec 2026, 06:00 → 3 Dec 2026, 07:00" or "Mon–Fri 22:00–06:00 (Europe/Berlin)". */
export function describeWindow(window: TSilenceWindow): string {
  if (window.kind === "once") {
    return `${formatDateTime(window.startsAt, { withSeconds: false })} → ${formatDateTime(window.endsAt, { withSeconds: false })}`;
  }
  const overnight = window.to <= window.from ? " (overnight)" : "";
  return `${describeDays(window.days)} ${window.from}–${window.to}${overnight}, ${window.timeZone}`;
}

/** "Expires in 12 min" for the expiry notices. */
export function describeExpiry(silence: Pick<TSilence, "endsAt">, now: number): string {
  const minutes = Math.max(0, Math.ceil((Date.parse(silence.endsAt) - now) / 60_000));
  return minutes === 0 ? "Expires now" : `Expires in ${minutes} min`;
}
