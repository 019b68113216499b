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

/** How long a unit has been in its status, as the board shows it: "<1 min", "4 min", "2 h 5 min", "3 d". */
export function formatTimeInStatus(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "<1 min";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d`;
}

export function countOverdue(units: readonly TResponderUnit[], nowMs: number, checkInSeconds: number): number {
  return units.filter((unit) => isCheckInOverdue(unit, nowMs, checkInSeconds)).length;
}
