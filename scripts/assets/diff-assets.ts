import type { TAssetKind, TAssetOf } from "./asset-kinds";
import type { TRowPlace } from "./row-error";
import type { TValidRow } from "./validate-asset-rows";

/** One row's effect: a new asset, a change to the one it matched (`before`), or nothing. */
export type TAssetChange<K extends TAssetKind> = { place: TRowPlace; asset: TAssetOf[K]; before?: TAssetOf[K]; changedFields: string[] };

export type TAssetPlan<K extends TAssetKind> = {
  kind: K;
  added: TAssetChange<K>[];
  updated: TAssetChange<K>[];
  unchanged: TAssetChange<K>[];
};

/** JSON with sorted keys: two assets are the same when their fields are, whatever order the file wrote them in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The top-level fields whose values differ (an absent field differs from a present one). */
export function changedFields(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => canonicalJson(b[key]) !== canonicalJson(a[key])).sort();
}

/**
 * What importing `rows` would do. `findExisting` matches a row to the asset it replaces; `fieldsThatChange`
 * says which of that asset's fields the row would change (none: unchanged).
 */
export function diffAssets<K extends TAssetKind>(
  kind: K,
  rows: readonly TValidRow<K>[],
  findExisting: (asset: TAssetOf[K]) => TAssetOf[K] | undefined,
  fieldsThatChange: (before: TAssetOf[K], after: TAssetOf[K]) => string[] = changedFields,
): TAssetPlan<K> {
  const plan: TAssetPlan<K> = { kind, added: [], updated: [], unchanged: [] };
  for (const { place, asset } of rows) {
    const before = findExisting(asset);
    if (!before) {
      plan.added.push({ place, asset, changedFields: [] });
      continue;
    }
    const fields = fieldsThatChange(before, asset);
    (fields.length === 0 ? plan.unchanged : plan.updated).push({ place, asset, before, changedFields: fields });
  }
  return plan;
}
