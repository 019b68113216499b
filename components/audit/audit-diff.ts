type TChangeLine = { key: string; before?: string; after?: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Compact single-line JSON for one value. */
export function compactJson(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? String(value);
}

/**
 * What an audit entry changed, field by field: only keys whose values differ
 * (a create lists every field as new, a delete every field as removed).
 */
export function diffAuditValues(before: unknown, after: unknown): TChangeLine[] {
  if (before == null && after == null) return [];
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys
      .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
      .map((key) => ({
        key,
        ...(key in b ? { before: compactJson(b[key]) } : {}),
        ...(key in a ? { after: compactJson(a[key]) } : {}),
      }));
  }
  return [{ key: "", ...(before != null ? { before: compactJson(before) } : {}), ...(after != null ? { after: compactJson(after) } : {}) }];
}
