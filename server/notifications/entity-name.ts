import type { TCityEntities } from "@/lib/contracts/city-pack";

export type TEntityNames = (domain: string, entityId: string) => string | null;

/**
 * What people call an entity, for messages that leave the app (the browser has its own, richer one in
 * components/city/entity-names.ts, which the server may not import): the road's, lot's, substation's or
 * feeder's name, "Bin on <street>", a unit's call sign. Null when the pack does not name it.
 */
export function entityNames(entities: TCityEntities): TEntityNames {
  const byDomain: Record<string, Map<string, string>> = {
    traffic: new Map(entities.segments.filter((s) => s.name).map((s) => [s.id, s.name!])),
    parking: new Map(entities.parking.map((p) => [p.id, p.name])),
    waste: new Map(entities.bins.map((b) => [b.id, b.street ? `Bin on ${b.street}` : "Litter bin"])),
    energy: new Map([...entities.substations, ...entities.feeders].map((e) => [e.id, e.name])),
    units: new Map(entities.units.map((u) => [u.id, u.callSign])),
  };
  return (domain, entityId) => byDomain[domain]?.get(entityId) ?? null;
}
