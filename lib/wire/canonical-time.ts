/**
 * Epoch ms of an ISO time written exactly as Date#toISOString writes it ("2026-12-03T15:50:36.123Z"), else null: only
 * those come back unchanged from epoch ms. Read digit by digit: Date.parse plus a toISOString check per event took
 * most of the columnar encoder's time on a delta where every event has its own time.
 */
export function canonicalIsoMs(text: string): number | null {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 /* Z */) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const ms = digits(text, 20, 3);
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46
  )
    return null;
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59 || ms < 0)
    return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** The number written by `length` ASCII digits at `start`; -1 if any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
