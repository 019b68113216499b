import { MINUTE_MS } from "./playback-clock";

const DATE_TIME = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const TIME = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** A playback minute as local date and time, e.g. "Tue 24 Nov, 10:30". */
export function formatMinute(minute: number): string {
  return DATE_TIME.format(minute * MINUTE_MS);
}

export function formatMinuteTime(minute: number): string {
  return TIME.format(minute * MINUTE_MS);
}
