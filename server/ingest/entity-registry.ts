import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TLayer } from "@/lib/contracts/layers";

type TEntityKind = "segment" | "parking" | "bin" | "substation" | "feeder" | "unit";
export type TEntityRef = { layer: TLayer; kind: TEntityKind };

/** Which entity ids exist in the city pack, and which layer each belongs to. */
export type TEntityRegistry = ReadonlyMap<string, TEntityRef>;

/** Units can be added while the server runs (admins create them), so their positions are accepted too. */
type TGrowingEntityRegistry = TEntityRegistry & { addUnit(id: string): void };

export function buildEntityRegistry(entities: TCityEntities): TGrowingEntityRegistry {
  const registry = new Map<string, TEntityRef>();
  const add = (ids: { id: string }[], ref: TEntityRef) => {
    for (const { id } of ids) {
      if (registry.has(id)) throw new Error(`City pack has duplicate entity id "${id}"`);
      registry.set(id, ref);
    }
  };
  add(entities.segments, { layer: "traffic", kind: "segment" });
  add(entities.parking, { layer: "parking", kind: "parking" });
  add(entities.bins, { layer: "waste", kind: "bin" });
  add(entities.substations, { layer: "energy", kind: "substation" });
  add(entities.feeders, { layer: "energy", kind: "feeder" });
  add(entities.units, { layer: "units", kind: "unit" });
  return Object.assign(registry, {
    addUnit(id: string) {
      const known = registry.get(id);
      if (known && known.kind !== "unit") throw new Error(`"${id}" is already a ${known.kind} of the city pack`);
      registry.set(id, { layer: "units", kind: "unit" });
    },
  });
}
