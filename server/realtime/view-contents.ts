import type { TCityEvent } from "@/lib/contracts/events";
import type { TDomainEvent } from "@/lib/contracts/domain-definition";
import type { TLayer } from "@/lib/contracts/layers";
import type { TDeclaredEvents, TLayerEvents, TLiveView } from "@/lib/contracts/realtime";
import { isTiledLayer, type TTileIndex } from "@/lib/live/tile-index";
import type { TTileKey } from "@/lib/live/tiles";
import type { CityState } from "@/server/city/city-state";

/**
 * The flush in which each entity last changed, so a client that reconnects is sent only what changed since the
 * last delta it applied instead of its whole view again (one number per entity that ever changed).
 */
export class ChangeLog {
  private readonly layers = new Map<TLayer, Map<string, number>>();
  private readonly declared = new Map<string, Map<string, number>>();

  record(layer: TLayer, entityId: string, seq: number): void {
    let entities = this.layers.get(layer);
    if (!entities) this.layers.set(layer, (entities = new Map()));
    entities.set(entityId, seq);
  }

  recordDeclared(domain: string, entityId: string, seq: number): void {
    let entities = this.declared.get(domain);
    if (!entities) this.declared.set(domain, (entities = new Map()));
    entities.set(entityId, seq);
  }

  /** Changed in flush `seq` or later (an entity not yet flushed goes out with the next delta anyway). */
  changedSince(layer: TLayer, entityId: string, seq: number): boolean {
    return (this.layers.get(layer)?.get(entityId) ?? -1) >= seq;
  }

  declaredChangedSince(domain: string, entityId: string, seq: number): boolean {
    return (this.declared.get(domain)?.get(entityId) ?? -1) >= seq;
  }
}

/** Whether a view shows an entity of a layer: units everywhere, tiled layers by their tile. */
export function isInView(view: TLiveView, tiles: ReadonlySet<TTileKey>, index: TTileIndex | undefined, layer: TLayer, entityId: string) {
  if (!isTiledLayer(layer) || view.mode === "city" || !index) return true;
  if (view.mode === "overview") return false;
  const tile = index.tileOf(layer, entityId);
  return tile !== undefined && tiles.has(tile);
}

export function isDeclaredInView(
  view: TLiveView,
  tiles: ReadonlySet<TTileKey>,
  index: TTileIndex | undefined,
  domain: string,
  entityId: string,
) {
  if (view.mode === "city" || !index) return true;
  if (view.mode === "overview") return false;
  const tile = index.declaredTileOf(domain, entityId);
  return tile !== undefined && tiles.has(tile);
}

export type TViewContents = { layers: TLayerEvents; declared: TDeclaredEvents };

/** What to collect: these layers and domains, in these tiles ("city": everywhere), changed since `sinceSeq` if given. */
type TCollect = {
  cityState: CityState;
  index: TTileIndex | undefined;
  log: ChangeLog;
  layers: ReadonlySet<TLayer>;
  domains: ReadonlySet<string>;
  sinceSeq?: number;
};

function push<T>(record: Record<string, T[]>, key: string, item: T) {
  let list = record[key];
  if (!list) record[key] = list = [];
  list.push(item);
}

export function emptyContents(): TViewContents {
  return { layers: {}, declared: {} };
}

/** Units: city-wide whatever the view. */
export function collectUnits(into: TViewContents, { cityState, log, layers, sinceSeq }: TCollect): void {
  if (!layers.has("units")) return;
  const units = (cityState.snapshot(["units"]).units ?? []).filter(
    (event) => sinceSeq === undefined || log.changedSince("units", event.entityId, sinceSeq),
  );
  (into.layers as Record<string, TCityEvent[]>).units = [...((into.layers as Record<string, TCityEvent[]>).units ?? []), ...units];
}

/** The tiled layers and declared domains in these tiles, or everywhere. */
export function collectTiled(into: TViewContents, tiles: Iterable<TTileKey> | "city", request: TCollect): void {
  const { cityState, index, log, layers, domains, sinceSeq } = request;
  const out = into.layers as Record<string, TCityEvent[]>;
  const fresh = (layer: TLayer, entityId: string) => sinceSeq === undefined || log.changedSince(layer, entityId, sinceSeq);
  const freshDeclared = (domain: string, entityId: string) =>
    sinceSeq === undefined || log.declaredChangedSince(domain, entityId, sinceSeq);
  if (tiles === "city" || !index) {
    const tiled = [...layers].filter(isTiledLayer);
    const all = cityState.snapshot(tiled) as Record<string, TCityEvent[]>;
    for (const layer of tiled) for (const event of all[layer] ?? []) if (fresh(layer, event.entityId)) push(out, layer, event);
    for (const domain of domains)
      for (const event of cityState.declaredSnapshot(domain)) if (freshDeclared(domain, event.entityId)) push(into.declared, domain, event);
    return;
  }
  const add = (layer: TLayer, ids: readonly { id: string }[]) => {
    if (!layers.has(layer)) return;
    for (const { id } of ids) {
      const event = cityState.latest(layer, id);
      if (event && fresh(layer, id)) push(out, layer, event);
    }
  };
  for (const tile of tiles) {
    const contents = index.tiles.get(tile);
    if (!contents) continue;
    add("traffic", contents.segments);
    add("parking", contents.parking);
    add("waste", contents.bins);
    add("energy", contents.substations);
    add("energy", contents.feeders);
    for (const domain of domains) {
      for (const { id } of contents.declared.get(domain) ?? []) {
        const event: TDomainEvent | undefined = cityState.latestDeclared(domain, id);
        if (event && freshDeclared(domain, id)) push(into.declared, domain, event);
      }
    }
  }
}
