import type { TDomainDefinition, TDomainEntity } from "@/lib/contracts/domain-definition";
import { placeDomainEntities } from "@/lib/domains/place-domain-entities";
import type { TCityEntities, TFeeder, TParkingLot, TRoadSegment, TStation, TSubstation, TUnit, TWasteBin } from "@/lib/contracts/city-pack";

/** Lookups by id over the pack's static entities (built once per pack). */
export type TEntityIndex = {
  entities: TCityEntities;
  segments: ReadonlyMap<string, TRoadSegment>;
  parking: ReadonlyMap<string, TParkingLot>;
  bins: ReadonlyMap<string, TWasteBin>;
  substations: ReadonlyMap<string, TSubstation>;
  feeders: ReadonlyMap<string, TFeeder>;
  stations: ReadonlyMap<string, TStation>;
  units: ReadonlyMap<string, TUnit>;
  /** Sensors of the declared domains, when the caller placed them (lib/domains/place-domain-entities.ts). */
  declared?: ReadonlyMap<string, TDomainEntity>;
  /** The declared domains with their sensors, in definition order (the map draws one layer each). */
  declaredDomains?: readonly { definition: TDomainDefinition; entities: readonly TDomainEntity[] }[];
};

function byId<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function indexEntities(entities: TCityEntities, domains?: readonly TDomainDefinition[]): TEntityIndex {
  const declaredDomains = domains?.map((definition) => ({ definition, entities: placeDomainEntities(definition, entities.segments) }));
  return {
    ...(declaredDomains?.length ? { declared: byId(declaredDomains.flatMap((d) => d.entities)), declaredDomains } : {}),
    entities,
    segments: byId(entities.segments),
    parking: byId(entities.parking),
    bins: byId(entities.bins),
    substations: byId(entities.substations),
    feeders: byId(entities.feeders),
    stations: byId(entities.stations),
    units: byId(entities.units),
  };
}

/** How many static entities each live layer has (energy = substations + feeders). */
export function entityCounts(entities: TCityEntities) {
  return {
    traffic: entities.segments.length,
    parking: entities.parking.length,
    waste: entities.bins.length,
    energy: entities.substations.length + entities.feeders.length,
    units: entities.units.length,
  };
}
