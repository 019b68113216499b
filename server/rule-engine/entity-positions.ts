import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TDomainName, TLayer } from "@/lib/contracts/layers";
import { lineLengthM, pointAlong, type TLonLat } from "@/lib/geo";

/** Declared domains' sensors are not in this lookup: callers that place their alerts combine it with server/domains. */
export type TPositionOf = (domain: TDomainName, entityId: string) => TLonLat | undefined;

/** Where an alert sits on the map: a segment's or feeder's midpoint, a lot's, bin's or substation's position. */
export function createPositionLookup(entities: TCityEntities): TPositionOf {
  const midpoint = (coords: TLonLat[]) => pointAlong(coords, lineLengthM(coords) / 2).position;
  const energy = new Map<string, TLonLat>([
    ...entities.substations.map((s) => [s.id, s.position] as const),
    ...entities.feeders.map((f) => [f.id, midpoint(f.coords)] as const),
  ]);
  const byDomain: Partial<Record<TLayer, Map<string, TLonLat>>> = {
    traffic: new Map(entities.segments.map((s) => [s.id, midpoint(s.coords)])),
    parking: new Map(entities.parking.map((p) => [p.id, p.position])),
    waste: new Map(entities.bins.map((b) => [b.id, b.position])),
    energy,
  };
  return (domain, entityId) => byDomain[domain as TLayer]?.get(entityId);
}
