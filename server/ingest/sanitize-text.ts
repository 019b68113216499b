/**
 * Text that came from outside (payload bytes, keys, parse errors quoting them) made safe to store and show.
 * PostgreSQL text refuses NUL, and half a surrogate pair has no UTF-8 form: one such character in a
 * dead letter used to make its INSERT fail for good, stopping the partition behind it.
 */

/** ␀ rather than deletion, so a reader still sees where the NUL was (the raw bytes are kept apart). */
const NUL_SYMBOL = "\u2400";
const REPLACEMENT_CHARACTER = "\uFFFD";
const ELLIPSIS = "…";
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** No NUL, no lone surrogate, at most `maxChars` UTF-16 units (an ellipsis marks a cut). */
export function sanitizeText(text: string, maxChars: number): string {
  const safe = text.replace(UNSAFE, (match) => (match === "\u0000" ? NUL_SYMBOL : REPLACEMENT_CHARACTER));
  if (safe.length <= maxChars) return safe;
  return cutBeforeIndex(safe, maxChars - ELLIPSIS.length) + ELLIPSIS;
}

/** Printable ASCII only (anything else as \uXXXX): the form any database and any terminal accept. */
export function asciiEscape(text: string, maxChars: number): string {
  const escaped = text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return escaped.length <= maxChars ? escaped : `${escaped.slice(0, maxChars - 3)}...`;
}

/** Cuts to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text; // fast path: one UTF-16 unit is at most 3 UTF-8 bytes
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // back up to a character boundary
  return bytes.subarray(0, end).toString("utf8");
}

function cutBeforeIndex(text: string, end: number): string {
  const last = text.charCodeAt(end - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff; // a high surrogate whose low half would be cut off
  return text.slice(0, splitsPair ? end - 1 : end);
}
