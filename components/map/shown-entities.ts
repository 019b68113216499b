import type { TFeeder, TParkingLot, TRoadSegment, TSubstation, TWasteBin } from "@/lib/contracts/city-pack";
import type { TDomainEntity } from "@/lib/contracts/domain-definition";
import type { TLiveView } from "@/lib/contracts/realtime";
import type { TLayer } from "@/lib/contracts/layers";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { TTileIndex } from "@/lib/live/tile-index";

/** The static entities the map draws for a view: the whole pack, the tiles in view, or none (an overview). */
export type TShownEntities = {
  segments: TRoadSegment[];
  parking: TParkingLot[];
  bins: TWasteBin[];
  substations: TSubstation[];
  feeders: TFeeder[];
  /** Declared domains' sensors, by domain id. */
  declared: ReadonlyMap<string, readonly TDomainEntity[]>;
};

/** A view as a key: two views with the same tiles draw the same entities (deck.gl keeps its buffers). */
export function viewKey(view: TLiveView): string {
  return view.mode === "tiles" ? `tiles:${view.tiles.join(",")}` : view.mode;
}

const wholeCities = new WeakMap<TEntityIndex, TShownEntities>();

/** The pack's own arrays, one object per index: a city drawn whole keeps the data identity it always had. */
export function wholeCity(index: TEntityIndex): TShownEntities {
  let shown = wholeCities.get(index);
  if (!shown) {
    const { segments, parking, bins, substations, feeders } = index.entities;
    const declared = new Map((index.declaredDomains ?? []).map((d) => [d.definition.id, d.entities]));
    wholeCities.set(index, (shown = { segments, parking, bins, substations, feeders, declared }));
  }
  return shown;
}

export function shownEntities(index: TEntityIndex, tiles: TTileIndex, view: TLiveView): TShownEntities {
  if (view.mode === "city") return wholeCity(index);
  const declared = new Map<string, TDomainEntity[]>();
  const shown = {
    segments: [] as TRoadSegment[],
    parking: [] as TParkingLot[],
    bins: [] as TWasteBin[],
    substations: [] as TSubstation[],
    feeders: [] as TFeeder[],
    declared,
  };
  for (const key of view.mode === "tiles" ? view.tiles : []) {
    const contents = tiles.tiles.get(key);
    if (!contents) continue;
    shown.segments.push(...contents.segments);
    shown.parking.push(...contents.parking);
    shown.bins.push(...contents.bins);
    shown.substations.push(...contents.substations);
    shown.feeders.push(...contents.feeders);
    for (const [domain, sensors] of contents.declared) {
      let list = declared.get(domain);
      if (!list) declared.set(domain, (list = []));
      list.push(...sensors);
    }
  }
  return shown;
}

/** How many entities of each layer (and declared domain) are shown: the layer panel's totals for a view. Units are all shown. */
export function totalsOf(shown: TShownEntities, units: number): { layers: Record<TLayer, number>; declared: Map<string, number> } {
  return {
    layers: {
      traffic: shown.segments.length,
      parking: shown.parking.length,
      waste: shown.bins.length,
      energy: shown.substations.length + shown.feeders.length,
      units,
    },
    declared: new Map([...shown.declared].map(([domain, sensors]) => [domain, sensors.length])),
  };
}
