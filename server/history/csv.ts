/**
 * CSV as RFC 4180 describes it (CRLF line ends; a field with a comma, quote or line break is quoted and
 * its quotes doubled), made safe to open in a spreadsheet: a text cell that starts with = + - @ tab or
 * CR would run as a formula (CSV injection), so it gets a leading apostrophe. Numbers are written as
 * they are — a negative longitude is data, not a formula.
 */
type TCsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: TCsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly TCsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
