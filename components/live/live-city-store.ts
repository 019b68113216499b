import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { LAYER_BY_EVENT_TYPE, type TCityEvent, type TEventOfLayer } from "@/lib/contracts/events";
import type { TCityDelta, TCitySnapshot, TDeclaredEvents, TLayerEvents } from "@/lib/contracts/realtime";
import type { TDomainEvent } from "@/lib/contracts/domain-definition";

export type TLayerVersions = Readonly<Record<TLayer, number>>;
export type TLayerCounts = Readonly<Record<TLayer, number>>;

type TLatestByLayer = { [L in TLayer]: Map<string, TEventOfLayer[L]> };

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
  private counts: TLayerCounts = perLayer(() => 0);
  private snapshotCount = 0;
  private listeners = new Set<() => void>();
  /** Declared domains (lib/domains/definitions): latest event per sensor, and one version per domain. */
  private declared = new Map<string, Map<string, TDomainEvent>>();
  private declaredVersions: Readonly<Record<string, number>> = {};

  /** Server sequence of the newest snapshot or delta applied (-1 before the first). */
  seq = -1;

  /** Replaces all live state: layers absent from the snapshot are not subscribed and are emptied. */
  applySnapshot(snapshot: TCitySnapshot): void {
    for (const layer of LAYERS) this.latest[layer].clear();
    this.ingest(snapshot.layers, false);
    this.declared.clear();
    const domains = Object.keys(snapshot.declared ?? {});
    this.ingestDeclared(snapshot.declared ?? {});
    this.declaredVersions = Object.fromEntries(domains.map((d) => [d, (this.declaredVersions[d] ?? 0) + 1]));
    this.seq = snapshot.seq;
    this.snapshotCount += 1;
    this.versions = perLayer((layer) => this.versions[layer] + 1);
    this.refreshCounts();
    this.emit();
  }

  /** Merges changed entities; per entity the newest observation wins. */
  applyDelta(delta: TCityDelta): void {
    const changed = this.ingest(delta.layers, true);
    this.seq = Math.max(this.seq, delta.seq);
    const changedDomains = delta.declared ? this.ingestDeclared(delta.declared) : [];
    if (changedDomains.length > 0) {
      const next = { ...this.declaredVersions };
      for (const domain of changedDomains) next[domain] = (next[domain] ?? 0) + 1;
      this.declaredVersions = next;
      if (changed.size === 0) this.emit();
    }
    if (changed.size === 0) return;
    this.versions = perLayer((layer) => this.versions[layer] + (changed.has(layer) ? 1 : 0));
    this.refreshCounts();
    this.emit();
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
  getCounts = (): TLayerCounts => this.counts;
  getSnapshotCount = (): number => this.snapshotCount;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private ingest(layers: TLayerEvents, keepNewer: boolean): Set<TLayer> {
    const changed = new Set<TLayer>();
    for (const layer of LAYERS) {
      const events = layers[layer] as TCityEvent[] | undefined;
      if (!events) continue;
      const map = this.latest[layer] as Map<string, TCityEvent>;
      for (const event of events) {
        // A mislabelled event would corrupt another layer's accessors: drop it.
        if (LAYER_BY_EVENT_TYPE[event.type] !== layer) continue;
        if (keepNewer) {
          // A delta flushed just after a resync snapshot can carry older values.
          const previous = map.get(event.entityId);
          if (previous && Date.parse(previous.observedAt) > Date.parse(event.observedAt)) continue;
        }
        map.set(event.entityId, event);
        changed.add(layer);
      }
    }
    return changed;
  }

  /** Newest observation wins per sensor; returns the domains that changed. */
  private ingestDeclared(declared: TDeclaredEvents): string[] {
    const changed: string[] = [];
    for (const [domain, events] of Object.entries(declared)) {
      let map = this.declared.get(domain);
      if (!map) this.declared.set(domain, (map = new Map()));
      for (const event of events) {
        const previous = map.get(event.entityId);
        if (previous && Date.parse(previous.observedAt) > Date.parse(event.observedAt)) continue;
        map.set(event.entityId, event);
      }
      changed.push(domain);
    }
    return changed;
  }

  private refreshCounts(): void {
    if (LAYERS.every((layer) => this.counts[layer] === this.latest[layer].size)) return;
    this.counts = perLayer((layer) => this.latest[layer].size);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
