export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** date_trunc('minute', at), in UTC. */
export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
}

/** Midnight UTC of the day `at` falls in: partitions are one UTC day each. */
export function utcDayOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}
