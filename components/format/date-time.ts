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
