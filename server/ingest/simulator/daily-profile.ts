/**
 * Shapes of a city's day, as a function of local hour (0–24, fractional).
 * Values are 0–1 shares of peak; the models scale them per entity.
 */
const bump = (hour: number, centre: number, width: number) => Math.exp(-((hour - centre) ** 2) / (2 * width ** 2));

/** Road traffic: a morning and a (stronger) evening rush over a daytime plateau. */
export function trafficDemand(hour: number): number {
  const daytime = 0.45 * bump(hour, 13, 4);
  return Math.min(1, 0.08 + daytime + 0.55 * bump(hour, 8, 1) + 0.65 * bump(hour, 17.25, 1.2));
}

/** Off-street parking: fills through the morning, peaks at lunch, empties in the evening. */
export function parkingDemand(hour: number): number {
  return Math.min(1, 0.12 + 0.8 * bump(hour, 12.5, 3.2));
}

/** Electric load: a morning shoulder and the evening peak. */
export function gridLoad(hour: number): number {
  return Math.min(1, 0.35 + 0.2 * bump(hour, 8, 1.5) + 0.25 * bump(hour, 14, 3) + 0.4 * bump(hour, 19, 1.8));
}

/** Local fractional hour of a UTC instant in a fixed time zone. Called once per simulation step. */
export function localHour(timeMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  }).formatToParts(new Date(timeMs));
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === "minute")?.value ?? 0);
  return hour + minute / 60;
}
