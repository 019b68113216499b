import type { TStation } from "@/lib/contracts/city-pack";
import type { TUnitType } from "@/lib/contracts/events";
import type { TResponderUnit } from "@/lib/contracts/units";
import type { TZoneKind } from "@/lib/contracts/zones";
import type { TLonLat } from "@/lib/geo";

/** The zones a type of unit answers in: fire engines their fire response areas, patrol cars their beats. */
export const RESPONSE_AREA_KINDS: Partial<Record<TUnitType, TZoneKind>> = { fire: "fireArea", police: "policeBeat" };

/** Whose area an incident is in, and each unit's home area, for the unit types that have areas. */
export type TResponseAreas = {
  /** The incident's area for each unit type whose kind of zone covers it (none drawn, or outside all: absent). */
  incident: Partial<Record<TUnitType, string>>;
  /** The area of its type's kind that the unit's station lies in. */
  homeOf(unit: Pick<TResponderUnit, "type" | "stationId">): string | undefined;
};

/**
 * The response areas around an incident, from the zones in use (`areaOf`: the zone directory's) and the pack's
 * stations. A unit is at home when its station lies in the same area of its type's kind as the incident.
 */
export function responseAreasOf(
  deps: { areaOf(position: TLonLat, kind: TZoneKind): string | undefined; stations: readonly Pick<TStation, "id" | "position">[] },
  incidentLocation: TLonLat,
): TResponseAreas {
  const incident: TResponseAreas["incident"] = {};
  for (const [type, kind] of Object.entries(RESPONSE_AREA_KINDS) as [TUnitType, TZoneKind][]) {
    const area = deps.areaOf(incidentLocation, kind);
    if (area !== undefined) incident[type] = area;
  }
  const stations = new Map(deps.stations.map((s) => [s.id, s.position]));
  return {
    incident,
    homeOf(unit) {
      const kind = RESPONSE_AREA_KINDS[unit.type];
      const station = stations.get(unit.stationId);
      return kind && station ? deps.areaOf(station, kind) : undefined;
    },
  };
}
