import type { TStation, TUnit } from "@/lib/contracts/city-pack";
import type { TResponderUnit } from "@/lib/contracts/units";

/**
 * The units the map draws: the city pack's, plus units added since (on the Units page) at a known
 * station, so they show at home until their first position arrives. The pack's copies keep their identity.
 */
export function unitsToDraw(
  packUnits: readonly TUnit[],
  managed: readonly TResponderUnit[],
  stationsById: ReadonlyMap<string, TStation>,
): readonly TUnit[] {
  const known = new Set(packUnits.map((unit) => unit.id));
  const added = managed
    .filter((unit) => !known.has(unit.id) && stationsById.has(unit.stationId))
    .map(({ id, callSign, type, stationId }) => ({ id, callSign, type, stationId }));
  return added.length === 0 ? packUnits : [...packUnits, ...added];
}
