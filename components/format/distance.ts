const ONE_DECIMAL = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "40 m", "850 m", "1.2 km", "12 km": as precise as anyone can use at a glance; "—" for no distance. */
export function formatDistance(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return "—";
  const tens = Math.round(metres / 10) * 10;
  if (tens < 1000) return `${INTEGER.format(tens)} m`;
  const km = metres / 1000;
  // 9.96 km reads "10 km", not "10.0 km".
  return km < 9.95 ? `${ONE_DECIMAL.format(km)} km` : `${INTEGER.format(km)} km`;
}
