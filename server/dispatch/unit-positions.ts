import type { TStation } from "@/lib/contracts/city-pack";
import type { TLonLat } from "@/lib/geo";
import type { CityState } from "@/server/city/city-state";
import type { TUnitPositions } from "./types";

/**
 * Where a unit is: its latest UnitPosition event, else its home station (a unit that has not reported
 * yet is assumed to stand by there). `homeStationOf` knows units added after start too.
 */
export function createUnitPositions(
  cityState: CityState,
  stations: readonly TStation[],
  homeStationOf: (unitId: string) => string | undefined,
): TUnitPositions {
  const stationPositions = new Map<string, TLonLat>(stations.map((s) => [s.id, s.position]));
  return (unitId) => {
    const reported = cityState.latest("units", unitId);
    if (reported) return reported.location;
    const stationId = homeStationOf(unitId);
    return (stationId && stationPositions.get(stationId)) || null;
  };
}
