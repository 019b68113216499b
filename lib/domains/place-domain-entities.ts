import type { TRoadSegment } from "@/lib/contracts/city-pack";
import type { TDomainDefinition, TDomainEntity } from "@/lib/contracts/domain-definition";
import { pointAlong, roundLonLat } from "@/lib/geo";
import { createRandom } from "@/lib/seeded-random";

/**
 * A declared domain's sensors, derived from the city pack rather than stored in it: every
 * `everyNthSegment`-th named street segment (from a seeded offset) gets one, at a seeded point along it.
 * Server and browser run this on the same pack and definition, so they agree on every id and position
 * without shipping the entities, and any pack (the town, the metro, an imported city) gets sensors.
 */
export function placeDomainEntities(
  definition: Pick<TDomainDefinition, "id" | "entities">,
  segments: readonly Pick<TRoadSegment, "name" | "coords" | "lengthM">[],
): TDomainEntity[] {
  const { idPrefix, name, everyNthSegment, seed } = definition.entities;
  const random = createRandom(seed);
  const named = segments.filter((s) => s.name);
  const entities: TDomainEntity[] = [];
  for (let i = random.int(everyNthSegment); i < named.length; i += everyNthSegment) {
    const segment = named[i]!;
    const at = pointAlong(segment.coords, segment.lengthM * random.range(0.2, 0.8)).position;
    entities.push({
      id: `${idPrefix}-${entities.length + 1}`,
      domain: definition.id,
      name: `${name} on ${segment.name}`,
      street: segment.name!,
      position: roundLonLat(at),
    });
  }
  return entities;
}
