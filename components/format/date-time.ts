/**
 * Dates and times as the city reads them: the city's locale and time zone (CITY_LOCALE, CITY_TIME_ZONE, put on
 * <html> by app/layout.tsx), not each browser's, always on a 24-hour clock. One set of formatters for every screen.
 */
type TCityClock = { locale: string | undefined; timeZone: string | undefined };

function readCityClock(): TCityClock {
  if (typeof document !== "undefined") {
    const { cityLocale, cityTimeZone } = document.documentElement.dataset;
    return { locale: cityLocale || undefined, timeZone: cityTimeZone || undefined };
  }
  return { locale: undefined, timeZone: undefined };
}

const STYLES = {
  date: { day: "numeric", month: "short", year: "numeric" },
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
  dateTimeMinutes: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  weekdayTime: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  clock: { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
  clockMinutes: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  zoneName: { timeZoneName: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

let formatters: Record<keyof typeof STYLES, Intl.DateTimeFormat> | null = null;

function format(style: keyof typeof STYLES): Intl.DateTimeFormat {
  if (!formatters) {
    const { locale, timeZone } = readCityClock();
    formatters = Object.fromEntries(
      Object.entries(STYLES).map(([name, options]) => [name, new Intl.DateTimeFormat(locale, { ...options, timeZone })]),
    ) as Record<keyof typeof STYLES, Intl.DateTimeFormat>;
  }
  return formatters[style];
}

type TInstant = string | number;
const toMs = (at: TInstant) => (typeof at === "string" ? Date.parse(at) : at);

/** "24 Nov 2026". */
export function formatDate(at: TInstant): string {
  return format("date").format(toMs(at));
}

/** "24 Nov 2026, 14:02:05", or "24 Nov 2026, 14:02" for periods. */
export function formatDateTime(at: TInstant, { withSeconds = true }: { withSeconds?: boolean } = {}): string {
  return format(withSeconds ? "dateTime" : "dateTimeMinutes").format(toMs(at));
}

/** "Tue 24 Nov, 14:02": a moment within the last days or weeks. */
export function formatWeekdayTime(at: TInstant): string {
  return format("weekdayTime").format(toMs(at));
}

/** "14:02:05", or "14:02" where seconds would only be noise. */
export function formatClock(at: TInstant, { withSeconds = true }: { withSeconds?: boolean } = {}): string {
  return format(withSeconds ? "clock" : "clockMinutes").format(toMs(at));
}

/** The city clock's zone as people say it at that moment: "EST", "CET", "GMT+2". */
export function formatTimeZoneName(at: TInstant): string {
  return (
    format("zoneName")
      .formatToParts(toMs(at))
      .find((part) => part.type === "timeZoneName")?.value ?? ""
  );
}

const DAY_MS = 24 * 60 * 60_000;
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockParts(ms: number, timeZone: string): Record<"year" | "month" | "day" | "hour" | "minute" | "second", number> {
  let formatter = wallClockFormats.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    wallClockFormats.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
}

/** How far `timeZone`'s wall clock is ahead of UTC at that instant, in ms. */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const p = wallClockParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (ms % 1000));
}

/**
 * A datetime-local value ("2026-12-03T06:00") showing an instant on `timeZone`'s wall clock: forms enter times
 * in the city's time, as every list shows them, whatever zone the browser is set to.
 */
export function toWallClockInput(ms: number, timeZone: string): string {
  const p = wallClockParts(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The instant a datetime-local value means on `timeZone`'s wall clock, or NaN. A time skipped by a clock change
 * lands after it; a time that happens twice takes the first.
 */
export function fromWallClockInput(value: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, Number.isNaN(s) ? 0 : s!);
  if (Number.isNaN(asUtc)) return Number.NaN;
  // The zone's offsets a day either side: a clock change between them makes the time skipped or repeated.
  const before = asUtc - zoneOffsetMs(asUtc - DAY_MS, timeZone);
  const after = asUtc - zoneOffsetMs(asUtc + DAY_MS, timeZone);
  const exact = [before, after].filter((ms) => toWallClockInput(ms, timeZone) === value.slice(0, 16));
  return exact.length > 0 ? Math.min(...exact) : Math.max(before, after);
}
