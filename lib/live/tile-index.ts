import type { TCityEntities, TFeeder, TParkingLot, TRoadSegment, TSubstation, TWasteBin } from "@/lib/contracts/city-pack";
import type { TDomainEntity } from "@/lib/contracts/domain-definition";
import type { TLayer } from "@/lib/contracts/layers";
import { anchorOf, tileKeyOf, type TTileKey } from "./tiles";

/** Layers whose entities stay where the pack put them, so they are sent by tile. Units move and are few: city-wide. */
export const TILED_LAYERS = ["traffic", "parking", "waste", "energy"] as const satisfies readonly TLayer[];
export type TTiledLayer = (typeof TILED_LAYERS)[number];

export function isTiledLayer(layer: TLayer): layer is TTiledLayer {
  return layer !== "units";
}

/** The pack's static entities anchored in one tile. */
export type TTileContents = {
  segments: TRoadSegment[];
  parking: TParkingLot[];
  bins: TWasteBin[];
  substations: TSubstation[];
  feeders: TFeeder[];
  /** Declared domains' sensors, by domain id. */
  declared: Map<string, TDomainEntity[]>;
  /** Entities of the built-in tiled layers (what a viewport's budget counts). */
  count: number;
};

export type TTileIndex = {
  tiles: ReadonlyMap<TTileKey, TTileContents>;
  /** Entities of the built-in tiled layers in the whole city. */
  total: number;
  tileOf(layer: TTiledLayer, entityId: string): TTileKey | undefined;
  declaredTileOf(domain: string, entityId: string): TTileKey | undefined;
};

type TTiledEntities = Pick<TCityEntities, "segments" | "parking" | "bins" | "substations" | "feeders">;
type TDeclaredSensors = readonly { definition: { id: string }; entities: readonly TDomainEntity[] }[];

/** Places every static entity in its anchor's tile (lib/live/tiles.ts), once per pack; server and browser build the same. */
export function indexTiles(entities: TTiledEntities, declared: TDeclaredSensors = []): TTileIndex {
  const tiles = new Map<TTileKey, TTileContents>();
  const byLayer: Record<TTiledLayer, Map<string, TTileKey>> = {
    traffic: new Map(),
    parking: new Map(),
    waste: new Map(),
    energy: new Map(),
  };
  const byDomain = new Map<string, Map<string, TTileKey>>();
  const contentsOf = (key: TTileKey) => {
    let contents = tiles.get(key);
    if (!contents) {
      contents = { segments: [], parking: [], bins: [], substations: [], feeders: [], declared: new Map(), count: 0 };
      tiles.set(key, contents);
    }
    return contents;
  };
  const place = <T extends { id: string } & Parameters<typeof anchorOf>[0]>(
    items: readonly T[],
    layer: TTiledLayer,
    list: (contents: TTileContents) => T[],
  ) => {
    for (const item of items) {
      const key = tileKeyOf(anchorOf(item));
      const contents = contentsOf(key);
      list(contents).push(item);
      contents.count++;
      byLayer[layer].set(item.id, key);
    }
  };
  place(entities.segments, "traffic", (c) => c.segments);
  place(entities.parking, "parking", (c) => c.parking);
  place(entities.bins, "waste", (c) => c.bins);
  place(entities.substations, "energy", (c) => c.substations);
  place(entities.feeders, "energy", (c) => c.feeders);
  for (const { definition, entities: sensors } of declared) {
    const placed = new Map<string, TTileKey>();
    byDomain.set(definition.id, placed);
    for (const sensor of sensors) {
      const key = tileKeyOf(sensor.position);
      const contents = contentsOf(key);
      let list = contents.declared.get(definition.id);
      if (!list) contents.declared.set(definition.id, (list = []));
      list.push(sensor);
      placed.set(sensor.id, key);
    }
  }
  let total = 0;
  for (const contents of tiles.values()) total += contents.count;
  return {
    tiles,
    total,
    tileOf: (layer, entityId) => byLayer[layer].get(entityId),
    declaredTileOf: (domain, entityId) => byDomain.get(domain)?.get(entityId),
  };
}

/** Static entities of the built-in tiled layers in these tiles. */
export function countInTiles(index: TTileIndex, tiles: Iterable<TTileKey>): number {
  let count = 0;
  for (const key of tiles) count += index.tiles.get(key)?.count ?? 0;
  return count;
}
