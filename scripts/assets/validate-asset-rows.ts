import type { TAssetKind, TAssetOf } from "./asset-kinds";
import { ROW_SCHEMAS } from "./asset-row-schemas";
import type { TRawRow } from "./raw-row";
import { placeText, rowErrorsFromZod, type TRowError, type TRowPlace } from "./row-error";

/** A row that passed, with its place and field names kept for the checks that need the pack or the database. */
export type TValidRow<K extends TAssetKind> = { place: TRowPlace; asset: TAssetOf[K]; sourceOf?: Record<string, string> };

/** Files longer than this report their progress while they are checked. */
export const PROGRESS_MIN_ROWS = 5_000;
const PROGRESS_EVERY_ROWS = 10_000;

/**
 * Every row through its kind's schema, then the checks across rows (an id, or a unit's call sign, used twice).
 * All problems are returned, not just the first: the author fixes the file in one go.
 */
export function validateAssetRows<K extends TAssetKind>(
  kind: K,
  rows: readonly TRawRow[],
  log: (line: string) => void = () => {},
): { valid: TValidRow<K>[]; errors: TRowError[] } {
  const schema = ROW_SCHEMAS[kind];
  const valid: TValidRow<K>[] = [];
  const errors: TRowError[] = [];
  const firstPlace = new Map<string, TRowPlace>();
  const callSignPlace = new Map<string, TRowPlace>();
  rows.forEach((row, index) => {
    if (rows.length > PROGRESS_MIN_ROWS && index > 0 && index % PROGRESS_EVERY_ROWS === 0)
      log(`checked ${index.toLocaleString("en-US")} of ${rows.length.toLocaleString("en-US")} rows`);
    const parsed = schema.safeParse(row.fields);
    if (!parsed.success) {
      errors.push(...rowErrorsFromZod(row.place, parsed.error, (field) => row.sourceOf?.[field] ?? field));
      return;
    }
    const asset = parsed.data as TAssetOf[K];
    const duplicate = (field: string, seen: Map<string, TRowPlace>, key: string) => {
      const earlier = seen.get(key);
      if (earlier)
        errors.push({ place: row.place, field: row.sourceOf?.[field] ?? field, message: `${key} is also on ${placeText(earlier)}` });
      else seen.set(key, row.place);
      return earlier !== undefined;
    };
    const isDuplicateId = duplicate("id", firstPlace, asset.id);
    const isDuplicateCallSign = "callSign" in asset && duplicate("callSign", callSignPlace, asset.callSign);
    if (!isDuplicateId && !isDuplicateCallSign) valid.push({ place: row.place, asset, sourceOf: row.sourceOf });
  });
  return { valid, errors };
}
