import type { TStation } from "@/lib/contracts/city-pack";
import { canonicalJson, diffAssets, type TAssetPlan } from "./diff-assets";
import type { TUnitImport } from "./asset-row-schemas";
import type { TRowError } from "./row-error";
import type { TValidRow } from "./validate-asset-rows";

/** A unit as the database has it, in the import's terms. */
export type TStoredUnit = Required<TUnitImport>;

/** Fields a row changes on the stored unit; capabilities count only when the row lists them. */
function unitFieldsThatChange(before: TUnitImport, after: TUnitImport): string[] {
  const fields = (["callSign", "type", "stationId"] as const).filter((field) => before[field] !== after[field]);
  const sorted = (list: readonly string[] = []) => canonicalJson([...list].sort());
  return after.capabilities !== undefined && sorted(before.capabilities) !== sorted(after.capabilities)
    ? [...fields, "capabilities"]
    : fields;
}

/**
 * Matches each row to a stored unit by id, else by call sign, and checks what the database would refuse: a home
 * station the pack does not have, or a call sign that another unit holds.
 */
export function planUnits(
  rows: readonly TValidRow<"units">[],
  stored: readonly TStoredUnit[],
  stations: readonly TStation[],
): { plan: TAssetPlan<"units">; errors: TRowError[] } {
  const byId = new Map(stored.map((unit) => [unit.id, unit]));
  const byCallSign = new Map(stored.map((unit) => [unit.callSign, unit]));
  const stationIds = new Set(stations.map((station) => station.id));
  const errors: TRowError[] = [];
  const matchable: TValidRow<"units">[] = [];
  for (const row of rows) {
    const { id, callSign, stationId } = row.asset;
    const sourceOf = (field: string) => row.sourceOf?.[field] ?? field;
    const holder = byCallSign.get(callSign);
    const isStationKnown = stationIds.has(stationId);
    if (!isStationKnown)
      errors.push({
        place: row.place,
        field: sourceOf("stationId"),
        message: `no station ${stationId} in the city pack (${[...stationIds].join(", ")})`,
      });
    const isCallSignTaken = byId.has(id) && holder !== undefined && holder.id !== id;
    if (isCallSignTaken)
      errors.push({ place: row.place, field: sourceOf("callSign"), message: `${callSign} is the call sign of unit ${holder.id}` });
    if (isStationKnown && !isCallSignTaken) matchable.push(row);
  }
  // A unit renamed in this file frees its old call sign only once the file is written: a row taking it is refused above.
  const plan = diffAssets("units", matchable, (unit) => byId.get(unit.id) ?? byCallSign.get(unit.callSign), unitFieldsThatChange);
  const matchedBy = new Map<string, string>();
  for (const change of [...plan.updated, ...plan.unchanged].sort((a, b) => a.place.n - b.place.n)) {
    const id = change.before?.id ?? change.asset.id;
    const earlier = matchedBy.get(id);
    if (earlier) errors.push({ place: change.place, message: `matches unit ${id}, which ${earlier} already matches (by id or call sign)` });
    else matchedBy.set(id, `${change.place.unit} ${change.place.n}`);
  }
  return { plan, errors };
}
