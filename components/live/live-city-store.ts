import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { LAYER_BY_EVENT_TYPE, type TCityEvent, type TEventOfLayer } from "@/lib/contracts/events";
import type {
  TCityDelta,
  TCitySnapshot,
  TColumnarDelta,
  TColumnarSnapshot,
  TCitySummaries,
  TDeclaredEvents,
  TLayerEvents,
  TLiveView,
  TSubscribeRequest,
} from "@/lib/contracts/realtime";
import type { TDomainEvent } from "@/lib/contracts/domain-definition";
import { isTiledLayer, type TTileIndex } from "@/lib/live/tile-index";
import { decodeColumnarLayers } from "@/lib/wire/columnar-delta";
import { decodeColumnarSnapshot } from "@/lib/wire/columnar-snapshot";
import type { TEntitySlots } from "@/lib/wire/entity-slots";
import { LayerChangeLog, type TRowChanges } from "./layer-change-log";

export type TLayerVersions = Readonly<Record<TLayer, number>>;
export type TLayerCounts = Readonly<Record<TLayer, number>>;

type TLatestByLayer = { [L in TLayer]: Map<string, TEventOfLayer[L]> };

const CITY_VIEW: TLiveView = { mode: "city" };

function perLayer<T>(make: (layer: TLayer) => T): Record<TLayer, T> {
  return Object.fromEntries(LAYERS.map((layer) => [layer, make(layer)])) as Record<TLayer, T>;
}

/**
 * Latest live event per entity, outside React. deck.gl layers keep the static
 * entity arrays as their data and read live values from here in their accessors;
 * a per-layer version (passed in `updateTriggers`) tells deck.gl which attributes
 * to recompute, so a delta never rebuilds layer data.
 *
 * Getters return the same object until something changes, as useSyncExternalStore requires.
 */
export class LiveCityStore {
  private latest: TLatestByLayer = perLayer(() => new Map()) as TLatestByLayer;
  private versions: TLayerVersions = perLayer(() => 0);
  /** Per layer, which entities each version changed: the map recomputes only their rows (live-rows-extension.ts). */
  private changeLogs: Record<TLayer, LayerChangeLog> = perLayer(() => new LayerChangeLog());
  private counts: TLayerCounts = perLayer(() => 0);
  private snapshotCount = 0;
  private listeners = new Set<() => void>();
  /**
   * Declared domains (lib/domains/definitions): latest event per sensor, one version per domain and its change log.
   * A domain's version only grows (a snapshot without it bumps it too), so a map layer never diffs back in time.
   */
  private declared = new Map<string, Map<string, TDomainEvent>>();
  private declaredVersions: Readonly<Record<string, number>> = {};
  private declaredChangeLogs = new Map<string, LayerChangeLog>();
  /** What the server sends this map (lib/live/choose-view.ts): the whole city until it says otherwise. */
  private view: TLiveView = CITY_VIEW;
  private viewTiles: ReadonlySet<string> = new Set();
  private summaries: TCitySummaries | null = null;
  /** Where the pack's entities are, to drop those that left the view (set once the pack is indexed). */
  private placement: TTileIndex | null = null;
  /** The server process whose seq `seq` is; null before the first snapshot or from a server without viewports. */
  private epoch: string | null = null;

  /** Server sequence of the newest snapshot or delta applied (-1 before the first). */
  seq = -1;

  /**
   * A full snapshot replaces all live state (layers absent from it are not subscribed and are emptied); a partial
   * one (a moved viewport, a resume) is merged in, and entities of the tiled layers outside its view are dropped.
   */
  applySnapshot(snapshot: TCitySnapshot): void {
    if (snapshot.partial) {
      this.ingest(snapshot.layers, true);
      if (snapshot.declared) this.ingestDeclared(snapshot.declared);
      this.seq = Math.max(this.seq, snapshot.seq);
    } else {
      for (const layer of LAYERS) this.latest[layer].clear();
      this.ingest(snapshot.layers, false);
      this.declared.clear();
      this.ingestDeclared(snapshot.declared ?? {});
      this.seq = snapshot.seq;
    }
    this.epoch = snapshot.epoch ?? null;
    this.setView(snapshot.view ?? CITY_VIEW);
    if (snapshot.summaries || this.view.mode !== "overview") this.summaries = snapshot.summaries ?? null;
    this.snapshotCount += 1;
    this.changeEverything();
    this.refreshCounts();
    this.emit();
  }

  /** A snapshot sent as columns (decoded whole first: throws CorruptColumnsError, applying nothing, on malformed ones). */
  applyColumnarSnapshot(snapshot: TColumnarSnapshot, slots: TEntitySlots): void {
    this.applySnapshot(decodeColumnarSnapshot(snapshot, slots));
  }

  /** An overview's fresh per-tile summaries (ignored once the view is no longer an overview). */
  applySummaries(summaries: TCitySummaries): void {
    if (this.view.mode !== "overview") return;
    this.summaries = summaries;
    this.emit();
  }

  /** The pack's placement of its entities; from then on, entities that leave the view are dropped from memory. */
  setPlacement(placement: TTileIndex): void {
    this.placement = placement;
    if (!this.dropOutsideView()) return;
    this.changeEverything();
    this.refreshCounts();
    this.emit();
  }

  getView = (): TLiveView => this.view;
  getSummaries = (): TCitySummaries | null => this.summaries;

  /** What to ask the server for after a reconnect instead of a whole snapshot; null when there is nothing to resume. */
  resumeRequest(): TSubscribeRequest["resume"] | null {
    if (this.epoch === null || this.seq < 0) return null;
    return { epoch: this.epoch, seq: this.seq, tiles: this.view.mode === "city" ? "city" : [...this.viewTiles] };
  }

  /** Merges changed entities; per entity the newest observation wins. */
  applyDelta(delta: TCityDelta): void {
    const changed = this.ingest(delta.layers, true);
    this.seq = Math.max(this.seq, delta.seq);
    const changedSensors = delta.declared ? this.ingestDeclared(delta.declared) : new Map<string, string[]>();
    if (changedSensors.size > 0) {
      const next = { ...this.declaredVersions };
      for (const [domain, ids] of changedSensors) {
        next[domain] = (next[domain] ?? 0) + 1;
        this.declaredChangesLog(domain).record(next[domain], ids);
      }
      this.declaredVersions = next;
      if (changed.size === 0) this.emit();
    }
    if (changed.size === 0) return;
    this.versions = perLayer((layer) => this.versions[layer] + (changed.has(layer) ? 1 : 0));
    for (const [layer, ids] of changed) this.changeLogs[layer].record(this.versions[layer], ids);
    this.refreshCounts();
    this.emit();
  }

  /**
   * A delta sent as columns, read with the pack's slots the subscription named (their fingerprint). Throws
   * CorruptColumnsError, applying nothing, when the columns do not make sense.
   */
  applyColumns(delta: TColumnarDelta, slots: TEntitySlots): void {
    const layers = decodeColumnarLayers(delta, slots);
    this.applyDelta({ seq: delta.seq, layers, ...(delta.declared ? { declared: delta.declared } : {}) });
  }

  get<L extends TLayer>(layer: L, entityId: string): TEventOfLayer[L] | undefined {
    return (this.latest[layer] as Map<string, TEventOfLayer[L]>).get(entityId);
  }

  getDeclared(domain: string, entityId: string): TDomainEvent | undefined {
    return this.declared.get(domain)?.get(entityId);
  }

  countDeclared(domain: string): number {
    return this.declared.get(domain)?.size ?? 0;
  }

  getDeclaredVersions = (): Readonly<Record<string, number>> => this.declaredVersions;

  count(layer: TLayer): number {
    return this.latest[layer].size;
  }

  getVersions = (): TLayerVersions => this.versions;

  /** Which of the layer's entities changed between two of its versions (live-rows-extension.ts reads it). */
  changesOf(layer: TLayer): TRowChanges {
    return this.changeLogs[layer];
  }

  /** Which sensors of a declared domain changed between two of its versions (same object for the store's life). */
  declaredChangesOf(domain: string): TRowChanges {
    return this.declaredChangesLog(domain);
  }
  getCounts = (): TLayerCounts => this.counts;
  getSnapshotCount = (): number => this.snapshotCount;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Ids of the changed entities per layer. */
  private ingest(layers: TLayerEvents, keepNewer: boolean): Map<TLayer, string[]> {
    const changed = new Map<TLayer, string[]>();
    for (const layer of LAYERS) {
      const events = layers[layer] as TCityEvent[] | undefined;
      if (!events) continue;
      const map = this.latest[layer] as Map<string, TCityEvent>;
      const ids: string[] = [];
      for (const event of events) {
        // A mislabelled event would corrupt another layer's accessors: drop it.
        if (LAYER_BY_EVENT_TYPE[event.type] !== layer) continue;
        if (keepNewer) {
          // A delta flushed just after a resync snapshot can carry older values.
          const previous = map.get(event.entityId);
          if (previous && Date.parse(previous.observedAt) > Date.parse(event.observedAt)) continue;
        }
        map.set(event.entityId, event);
        ids.push(event.entityId);
      }
      if (ids.length > 0) changed.set(layer, ids);
    }
    return changed;
  }

  /** Newest observation wins per sensor; returns the ids of the changed sensors per domain (domains with none left out). */
  private ingestDeclared(declared: TDeclaredEvents): Map<string, string[]> {
    const changed = new Map<string, string[]>();
    for (const [domain, events] of Object.entries(declared)) {
      let map = this.declared.get(domain);
      if (!map) this.declared.set(domain, (map = new Map()));
      const ids: string[] = [];
      for (const event of events) {
        const previous = map.get(event.entityId);
        if (previous && Date.parse(previous.observedAt) > Date.parse(event.observedAt)) continue;
        map.set(event.entityId, event);
        ids.push(event.entityId);
      }
      if (ids.length > 0) changed.set(domain, ids);
    }
    return changed;
  }

  private declaredChangesLog(domain: string): LayerChangeLog {
    let log = this.declaredChangeLogs.get(domain);
    if (!log) this.declaredChangeLogs.set(domain, (log = new LayerChangeLog()));
    return log;
  }

  private setView(view: TLiveView): void {
    this.view = view;
    this.viewTiles = new Set(view.mode === "tiles" ? view.tiles : []);
    this.dropOutsideView();
  }

  /** Entities of the tiled layers and declared sensors outside the view: memory stays bounded by what is in view. */
  private dropOutsideView(): boolean {
    const placement = this.placement;
    if (this.view.mode === "city" || !placement) return false;
    const tiles = this.viewTiles;
    let dropped = false;
    for (const layer of LAYERS) {
      if (!isTiledLayer(layer)) continue;
      const map = this.latest[layer];
      for (const entityId of map.keys()) {
        const tile = placement.tileOf(layer, entityId);
        if (tile === undefined || !tiles.has(tile)) dropped = map.delete(entityId) || dropped;
      }
    }
    for (const [domain, map] of this.declared) {
      for (const entityId of map.keys()) {
        const tile = placement.declaredTileOf(domain, entityId);
        if (tile === undefined || !tiles.has(tile)) dropped = map.delete(entityId) || dropped;
      }
    }
    return dropped;
  }

  /** A new version of every layer and declared domain, with every entity possibly changed. */
  private changeEverything(): void {
    this.versions = perLayer((layer) => this.versions[layer] + 1);
    for (const layer of LAYERS) this.changeLogs[layer].reset(this.versions[layer]);
    const domains = new Set([...Object.keys(this.declaredVersions), ...this.declared.keys()]);
    const next: Record<string, number> = {};
    for (const domain of domains) {
      next[domain] = (this.declaredVersions[domain] ?? 0) + 1;
      this.declaredChangesLog(domain).reset(next[domain]);
    }
    this.declaredVersions = next;
  }

  private refreshCounts(): void {
    if (LAYERS.every((layer) => this.counts[layer] === this.latest[layer].size)) return;
    this.counts = perLayer((layer) => this.latest[layer].size);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
