const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatInt(value: number): string {
  return INTEGER.format(value);
}

export function formatPercent(ratio: number): string {
  return `${INTEGER.format(ratio * 100)} %`;
}

/** kW below 1 MW, MW above. */
export function formatPower(kw: number): string {
  return kw < 1000 ? `${INTEGER.format(kw)} kW` : `${ONE_DECIMAL.format(kw / 1000)} MW`;
}

export function formatVoltage(volts: number): string {
  return volts < 1000 ? `${INTEGER.format(volts)} V` : `${ONE_DECIMAL.format(volts / 1000)} kV`;
}

/** "just now", "12 s ago", "4 min ago", "2 h ago", "3 d ago". Future times count as now. */
export function formatAge(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

const CLOCK = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

export function formatClock(epochMs: number): string {
  return CLOCK.format(epochMs);
}

/** camelCase enum value → "Sentence case" ("enRoute" → "En route", "lidOpen" → "Lid open"). */
export function humanize(value: string): string {
  const words = value.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
