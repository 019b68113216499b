import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { layerOf, type TCityEvent, type TEventOfLayer } from "@/lib/contracts/events";
import type { TDeclaredEvents, TLayerEvents } from "@/lib/contracts/realtime";
import type { TDomainEvent } from "@/lib/contracts/domain-definition";
import { parseObservedAt } from "./parse-observed-at";

type TEntry = { event: TCityEvent; observedAtMs: number };
type TStateListener = (layer: TLayer, event: TCityEvent) => void;
type TDeclaredEntry = { event: TDomainEvent; observedAtMs: number };
/** Hears the events of declared domains (lib/domains/definitions), which the built-in listeners' types do not cover. */
type TDeclaredListener = (domain: string, event: TDomainEvent) => void;

/**
 * The live state of the city: the latest event per entity, per layer.
 * "Latest" means newest observedAt, so a late, out-of-order event never
 * overwrites fresher data. Listeners (realtime hub, later the rules engine)
 * hear about every event that changed the state.
 */
export class CityState {
  private readonly layers = new Map<TLayer, Map<string, TEntry>>(LAYERS.map((l) => [l, new Map()]));
  private readonly listeners = new Set<TStateListener>();
  private readonly declared = new Map<string, Map<string, TDeclaredEntry>>();
  private readonly declaredListeners = new Set<TDeclaredListener>();

  /** Applies an event; returns false when it was older than what we hold. */
  apply(event: TCityEvent): boolean {
    const layer = layerOf(event);
    const entities = this.layers.get(layer)!;
    const observedAtMs = parseObservedAt(event.observedAt);
    const current = entities.get(event.entityId);
    if (current) {
      if (current.observedAtMs > observedAtMs) return false;
      // In place: an entity's every event would otherwise cost an entry and a second lookup.
      current.event = event;
      current.observedAtMs = observedAtMs;
    } else {
      entities.set(event.entityId, { event, observedAtMs });
    }
    for (const listener of this.listeners) listener(layer, event);
    return true;
  }

  latest<L extends TLayer>(layer: L, entityId: string): TEventOfLayer[L] | undefined {
    return this.layers.get(layer)!.get(entityId)?.event as TEventOfLayer[L] | undefined;
  }

  size(layer: TLayer): number {
    return this.layers.get(layer)!.size;
  }

  snapshot(layers: readonly TLayer[]): TLayerEvents {
    const result: Record<string, TCityEvent[]> = {};
    for (const layer of layers) {
      result[layer] = Array.from(this.layers.get(layer)!.values(), (entry) => entry.event);
    }
    return result as TLayerEvents;
  }

  onChange(listener: TStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The same newest-observedAt-wins rule for a declared domain's event. */
  applyDeclared(domain: string, event: TDomainEvent): boolean {
    let entities = this.declared.get(domain);
    if (!entities) this.declared.set(domain, (entities = new Map()));
    const observedAtMs = parseObservedAt(event.observedAt);
    const current = entities.get(event.entityId);
    if (current && current.observedAtMs > observedAtMs) return false;
    entities.set(event.entityId, { event, observedAtMs });
    for (const listener of this.declaredListeners) listener(domain, event);
    return true;
  }

  latestDeclared(domain: string, entityId: string): TDomainEvent | undefined {
    return this.declared.get(domain)?.get(entityId)?.event;
  }

  declaredSnapshot(domain: string): TDomainEvent[] {
    return Array.from(this.declared.get(domain)?.values() ?? [], (entry) => entry.event);
  }

  /** Every declared domain that has had an event, with its latest event per sensor. */
  declaredSnapshots(): TDeclaredEvents {
    return Object.fromEntries([...this.declared.keys()].map((domain) => [domain, this.declaredSnapshot(domain)]));
  }

  onDeclaredChange(listener: TDeclaredListener): () => void {
    this.declaredListeners.add(listener);
    return () => this.declaredListeners.delete(listener);
  }
}
