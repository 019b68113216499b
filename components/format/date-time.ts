// The reader's locale and time zone (these render in the browser), always on a 24-hour clock.
const DATE = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});
const DATE_TIME_MINUTES = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const WEEKDAY_TIME = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const CLOCK_MINUTES = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

type TInstant = string | number;
const toMs = (at: TInstant) => (typeof at === "string" ? Date.parse(at) : at);

/** "24 Nov 2026". */
export function formatDate(at: TInstant): string {
  return DATE.format(toMs(at));
}

/** "24 Nov 2026, 14:02:05", or "24 Nov 2026, 14:02" for periods. */
export function formatDateTime(at: TInstant, { withSeconds = true }: { withSeconds?: boolean } = {}): string {
  return (withSeconds ? DATE_TIME : DATE_TIME_MINUTES).format(toMs(at));
}

/** "Tue 24 Nov, 14:02": a moment within the last days or weeks. */
export function formatWeekdayTime(at: TInstant): string {
  return WEEKDAY_TIME.format(toMs(at));
}

/** "14:02:05", or "14:02" where seconds would only be noise. */
export function formatClock(at: TInstant, { withSeconds = true }: { withSeconds?: boolean } = {}): string {
  return (withSeconds ? CLOCK : CLOCK_MINUTES).format(toMs(at));
}
