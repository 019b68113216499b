import type { TCityEntities } from "@/lib/contracts/city-pack";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";

/**
 * Each live entity's position in the city pack, per layer (energy: substations then feeders), so a delta can name
 * it by a number instead of its id. Server and browser build it from the same entities.json; the fingerprint tells
 * whether they did (a browser holding another version of the pack is sent JSON).
 */
export type TEntitySlots = {
  ids: Readonly<Record<TLayer, readonly string[]>>;
  slotOf: Readonly<Record<TLayer, ReadonlyMap<string, number>>>;
  fingerprint: string;
};

type TSlotEntities = Pick<TCityEntities, "segments" | "parking" | "bins" | "substations" | "feeders" | "units">;

export function entitySlotsOf(entities: TSlotEntities): TEntitySlots {
  const ids: Record<TLayer, string[]> = {
    traffic: entities.segments.map((e) => e.id),
    parking: entities.parking.map((e) => e.id),
    waste: entities.bins.map((e) => e.id),
    energy: [...entities.substations.map((e) => e.id), ...entities.feeders.map((e) => e.id)],
    units: entities.units.map((e) => e.id),
  };
  const slotOf = Object.fromEntries(LAYERS.map((layer) => [layer, new Map(ids[layer].map((id, slot) => [id, slot]))]));
  return { ids, slotOf: slotOf as Record<TLayer, Map<string, number>>, fingerprint: fingerprintOf(ids) };
}

/** FNV-1a over every id in order, with the layer sizes: equal packs give equal strings, a changed id almost surely not. */
function fingerprintOf(ids: Record<TLayer, readonly string[]>): string {
  let hash = 0x811c9dc5;
  for (const layer of LAYERS) {
    for (const id of ids[layer]) {
      for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
      hash = Math.imul(hash ^ 0x1f, 0x01000193); // separator, so "ab","c" ≠ "a","bc"
    }
  }
  return `${LAYERS.map((layer) => ids[layer].length).join(".")}-${(hash >>> 0).toString(36)}`;
}
