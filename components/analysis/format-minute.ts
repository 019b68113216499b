import { formatClock, formatWeekdayTime } from "@/components/format/date-time";
import { MINUTE_MS } from "./playback-clock";

/** A playback minute as local date and time, e.g. "Tue 24 Nov, 10:30". */
export function formatMinute(minute: number): string {
  return formatWeekdayTime(minute * MINUTE_MS);
}

export function formatMinuteTime(minute: number): string {
  return formatClock(minute * MINUTE_MS, { withSeconds: false });
}
