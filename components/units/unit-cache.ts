import type { TResponderUnit, TUnitList } from "@/lib/contracts/units";

/**
 * The unit list with this copy of a unit in it, replacing the one with its id. An older or equal version
 * never overwrites what is there: a socket echo can arrive after the action's own answer.
 * Returns the same object when nothing changes.
 */
export function upsertUnit(list: TUnitList, unit: TResponderUnit): TUnitList {
  const existing = list.units.find((item) => item.id === unit.id);
  if (existing && existing.version >= unit.version) return list;
  const units = existing ? list.units.map((item) => (item.id === unit.id ? unit : item)) : [...list.units, unit];
  return { ...list, units };
}

/** Several units at once (a dispatch answer, a 409's current state). */
export function upsertUnits(list: TUnitList, units: readonly TResponderUnit[]): TUnitList {
  return units.reduce(upsertUnit, list);
}
