import type { TCityEntities, TRoadSegment } from "@/lib/contracts/city-pack";

/** The city-pack lookups rules need: segments by id, a number of each entity by name, the road graph. */
export type TEntityIndex = {
  segments: ReadonlyMap<string, TRoadSegment>;
  /**
   * Entity id → its number of that name in the pack (a road's `freeFlowKmh`, a substation's `voltageV`), for every
   * entity that has one. A feeder has what it lacks from its substation: it runs at the substation's voltage.
   */
  entityNumbers(property: string): ReadonlyMap<string, number>;
  /** Graph node → ids of the segments that touch it (either end). */
  segmentsAtNode: ReadonlyMap<string, readonly string[]>;
};

type TPackEntity = TCityEntities[keyof TCityEntities][number];

function numbersOf(entities: TCityEntities, property: string): Map<string, number> {
  const numbers = new Map<string, number>();
  const numberOf = (entity: TPackEntity) => (entity as Record<string, unknown>)[property];
  for (const list of Object.values(entities) as TPackEntity[][])
    for (const entity of list) {
      const value = numberOf(entity);
      if (typeof value === "number") numbers.set(entity.id, value);
    }
  for (const feeder of entities.feeders) {
    const inherited = numbers.get(feeder.substationId);
    if (!numbers.has(feeder.id) && inherited !== undefined) numbers.set(feeder.id, inherited);
  }
  return numbers;
}

export function createEntityIndex(entities: TCityEntities): TEntityIndex {
  const segmentsAtNode = new Map<string, string[]>();
  for (const segment of entities.segments) {
    for (const node of new Set([segment.from, segment.to])) {
      const list = segmentsAtNode.get(node) ?? [];
      list.push(segment.id);
      segmentsAtNode.set(node, list);
    }
  }
  const numbersByProperty = new Map<string, Map<string, number>>();
  return {
    segments: new Map(entities.segments.map((s) => [s.id, s])),
    entityNumbers(property) {
      let numbers = numbersByProperty.get(property);
      if (!numbers) numbersByProperty.set(property, (numbers = numbersOf(entities, property)));
      return numbers;
    },
    segmentsAtNode,
  };
}
