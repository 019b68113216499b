import type { TLayer } from "@/lib/contracts/layers";
import { DECK_LAYER_ID } from "@/components/map/layers/deck-layer-ids";
import { DECLARED_LAYER_PREFIX } from "@/components/map/layers/declared-domain-layer";

export type TEntityKind = "segment" | "parking" | "bin" | "substation" | "feeder" | "unit" | "declared";

/** What the pointer is on: enough to look the entity up again as live values change (`domain`: a declared domain's sensor). */
export type TEntityPick = { kind: TEntityKind; id: string; domain?: string };

const KIND_BY_DECK_LAYER: Record<string, TEntityKind> = {
  [DECK_LAYER_ID.traffic]: "segment",
  [DECK_LAYER_ID.parking]: "parking",
  [DECK_LAYER_ID.waste]: "bin",
  [DECK_LAYER_ID.feeders]: "feeder",
  [DECK_LAYER_ID.substations]: "substation",
  [DECK_LAYER_ID.units]: "unit",
};

/** From a deck.gl picking result (layer id + picked datum) to an entity reference. */
export function toEntityPick(layerId: string | undefined, object: unknown): TEntityPick | null {
  if (!layerId || !object || typeof object !== "object" || !("id" in object)) return null;
  const id = (object as { id: unknown }).id;
  if (layerId.startsWith(DECLARED_LAYER_PREFIX) && typeof id === "string")
    return { kind: "declared", id, domain: layerId.slice(DECLARED_LAYER_PREFIX.length) };
  const kind = KIND_BY_DECK_LAYER[layerId];
  return kind && typeof id === "string" ? { kind, id } : null;
}

export const LAYER_BY_KIND: Record<Exclude<TEntityKind, "declared">, TLayer> = {
  segment: "traffic",
  parking: "parking",
  bin: "waste",
  substation: "energy",
  feeder: "energy",
  unit: "units",
};
