import type { TCityEntities, TRoadSegment } from "@/lib/contracts/city-pack";

/** The city-pack lookups rules need: free-flow speeds, nominal voltages, the road graph. */
export type TEntityIndex = {
  segments: ReadonlyMap<string, TRoadSegment>;
  /** Substations and feeders; a feeder runs at its substation's voltage. */
  nominalVoltageV: ReadonlyMap<string, number>;
  /** Graph node → ids of the segments that touch it (either end). */
  segmentsAtNode: ReadonlyMap<string, readonly string[]>;
};

export function createEntityIndex(entities: TCityEntities): TEntityIndex {
  const nominalVoltageV = new Map(entities.substations.map((s) => [s.id, s.voltageV]));
  for (const feeder of entities.feeders) {
    const voltage = nominalVoltageV.get(feeder.substationId);
    if (voltage !== undefined) nominalVoltageV.set(feeder.id, voltage);
  }
  const segmentsAtNode = new Map<string, string[]>();
  for (const segment of entities.segments) {
    for (const node of new Set([segment.from, segment.to])) {
      const list = segmentsAtNode.get(node) ?? [];
      list.push(segment.id);
      segmentsAtNode.set(node, list);
    }
  }
  return { segments: new Map(entities.segments.map((s) => [s.id, s])), nominalVoltageV, segmentsAtNode };
}
