import { UNIT_TYPES, type TUnitType } from "@/lib/contracts/events";
import { isCheckInOverdue, UNIT_TYPE_LABEL, type TResponderUnit } from "@/lib/contracts/units";

type TUnitGroup = { type: TUnitType; label: string; units: TResponderUnit[]; available: number; total: number };

/** "E-2" before "E-10": call signs compared with their numbers as numbers. */
function compareCallSigns(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}

/**
 * The board's sections: one per unit type that has units, in the usual order (police, fire, EMS,
 * sanitation, utility), each sorted by call sign so rows keep their place as statuses change.
 */
export function groupUnitsByType(units: readonly TResponderUnit[]): TUnitGroup[] {
  return UNIT_TYPES.flatMap((type) => {
    const members = units.filter((unit) => unit.type === type).sort((a, b) => compareCallSigns(a.callSign, b.callSign));
    if (members.length === 0) return [];
    const available = members.filter((unit) => unit.status === "available").length;
    return [{ type, label: UNIT_TYPE_LABEL[type], units: members, available, total: members.length }];
  });
}

export function countOverdue(units: readonly TResponderUnit[], nowMs: number, checkInSeconds: number): number {
  return units.filter((unit) => isCheckInOverdue(unit, nowMs, checkInSeconds)).length;
}
