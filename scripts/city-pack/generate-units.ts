import type { TStation, TUnit } from "@/lib/contracts/city-pack";
import type { TUnitType } from "@/lib/contracts/events";

/** The fleet of a town of ~8,000, with radio call signs as crews say them. */
const FLEET: Record<TUnitType, readonly string[]> = {
  police: ["P-11", "P-12", "P-13", "P-14", "P-15", "P-16"],
  fire: ["E-1", "E-2", "E-3", "L-1"],
  ems: ["M-1", "M-2", "M-3", "M-4"],
  sanitation: ["S-1", "S-2", "S-3"],
  utility: ["U-1", "U-2", "U-3"],
};

/** Call sign prefixes of a generated metro fleet; every fourth fire unit is a ladder. */
const PREFIX: Record<TUnitType, (i: number) => string> = {
  police: () => "P",
  fire: (i) => (i % 4 === 3 ? "L" : "E"),
  ems: () => "M",
  sanitation: () => "S",
  utility: () => "U",
};

export type TFleetSize = Record<TUnitType, number>;

/** `count` call signs of a type, numbered per prefix: E-1, E-2, E-3, L-1, E-4, ... */
function callSigns(type: TUnitType, count: number): string[] {
  const next = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    const prefix = PREFIX[type](i);
    const n = (next.get(prefix) ?? 0) + 1;
    next.set(prefix, n);
    return `${prefix}-${n}`;
  });
}

/**
 * Units of each type are spread round-robin over that type's stations: the town's
 * fleet, or `size` units per type (a generated metro).
 */
export function generateUnits(stations: readonly TStation[], size?: TFleetSize): TUnit[] {
  return (Object.keys(FLEET) as TUnitType[]).flatMap((type) => {
    const home = stations.filter((s) => s.type === type);
    if (home.length === 0) throw new Error(`No ${type} station to base units at`);
    const fleet = size ? callSigns(type, size[type]) : FLEET[type];
    return fleet.map((callSign, i) => ({
      id: `unit-${callSign.toLowerCase()}`,
      callSign,
      type,
      stationId: home[i % home.length].id,
    }));
  });
}
