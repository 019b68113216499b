const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatInt(value: number): string {
  return INTEGER.format(value);
}

export function formatPercent(ratio: number, digits = 0): string {
  if (digits === 0) return `${INTEGER.format(ratio * 100)} %`;
  return `${new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio * 100)} %`;
}

/** kW below 1 MW, MW above. */
export function formatPower(kw: number): string {
  return kw < 1000 ? `${INTEGER.format(kw)} kW` : `${ONE_DECIMAL.format(kw / 1000)} MW`;
}

export function formatVoltage(volts: number): string {
  return volts < 1000 ? `${INTEGER.format(volts)} V` : `${ONE_DECIMAL.format(volts / 1000)} kV`;
}

const MEASURE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A reading with its unit as a definition declares it: "12.5 µg/m³", "3.6 bar", "80 %". */
export function formatMeasure(value: number, unit: string): string {
  return unit ? `${MEASURE.format(value)} ${unit}` : MEASURE.format(value);
}
