import type { TSilenceMatchers, TSilenceWindow } from "@/lib/contracts/silences";

/** What matching needs of a stored silence (a TSilence has it; so does the database row mapped by silence-view). */
export type TSilenceRule = {
  matchers: TSilenceMatchers;
  window: TSilenceWindow;
  /** Expiry (exclusive): the one-off end, or a recurring window's `until`. */
  endsAt: string;
  cancelledAt: string | null;
};

/** What an alert offers to matching; `zone` is its zone name as stored on the alert. */
export type TSilenceSubject = { ruleId: string; entityId: string; domain: string; zone: string };

const MINUTES_PER_DAY = 24 * 60;

/**
 * Whether the silence covers this alert at `now`. Pure: the caller passes the clock.
 * One-off windows include their start and exclude their end; recurring ones likewise on the wall clock of
 * their time zone (so they follow DST: 08:00–09:00 is 08:00–09:00 local on both sides of a change, a window
 * inside the hour skipped in spring never matches that day, one inside the repeated hour in autumn matches
 * both times). A cancelled silence never matches from its cancellation on, an expired one never again.
 */
export function silenceMatches(silence: TSilenceRule, subject: TSilenceSubject, now: Date): boolean {
  return matchesSubject(silence.matchers, subject) && isInForce(silence, now);
}

export function matchesSubject(matchers: TSilenceMatchers, subject: TSilenceSubject): boolean {
  const { ruleId, entityId, domain, zone } = matchers;
  if (ruleId === undefined && entityId === undefined && domain === undefined && zone === undefined) return false;
  return (
    (ruleId === undefined || ruleId === subject.ruleId) &&
    (entityId === undefined || entityId === subject.entityId) &&
    (domain === undefined || domain === subject.domain) &&
    (zone === undefined || zone === subject.zone)
  );
}

/** Whether the silence's window covers `now`, whatever it matches. */
export function isInForce(silence: TSilenceRule, now: Date): boolean {
  const t = now.getTime();
  if (silence.cancelledAt !== null && Date.parse(silence.cancelledAt) <= t) return false;
  if (t >= Date.parse(silence.endsAt)) return false;
  const { window } = silence;
  if (window.kind === "once") return Date.parse(window.startsAt) <= t && t < Date.parse(window.endsAt);
  if (t >= Date.parse(window.until)) return false;
  const { weekday, minute } = wallClock(now, window.timeZone);
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from < to) return window.days.includes(weekday) && from <= minute && minute < to;
  // Past midnight: the evening part on a listed day, the morning part on the day after one.
  return (window.days.includes(weekday) && minute >= from) || (window.days.includes((weekday + 6) % 7) && minute < to);
}

/**
 * When the covering stretch that holds `now` ends: a one-off's end, or the end of the recurring occurrence
 * (never later than the expiry). Call only where `isInForce` holds.
 */
export function occurrenceEnd(silence: TSilenceRule, now: Date): Date {
  const expiry = new Date(silence.endsAt);
  const { window } = silence;
  if (window.kind === "once") return expiry;
  const { minute } = wallClock(now, window.timeZone);
  const to = minutesOf(window.to);
  const wallMinutesLeft = (to - minute + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY;
  // Wall-clock minutes, then corrected once for a change of UTC offset in between (a DST change).
  const naive = new Date(now.getTime() - (now.getTime() % 60_000) + wallMinutesLeft * 60_000);
  const end = new Date(naive.getTime() + offsetMs(now, window.timeZone) - offsetMs(naive, window.timeZone));
  return end < expiry ? end : expiry;
}

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `timeZone` at `at`, as fields. */
function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Weekday (0 Sunday) and minute of the day on the wall clock of `timeZone`. */
export function wallClock(at: Date, timeZone: string): { weekday: number; minute: number } {
  const p = localParts(at, timeZone);
  return { weekday: new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(), minute: p.hour * 60 + p.minute };
}

/** How far the wall clock of `timeZone` is ahead of UTC at `at`. */
function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (at.getTime() - at.getMilliseconds());
}
