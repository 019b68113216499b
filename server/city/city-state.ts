import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { layerOf, type TCityEvent, type TEventOfLayer } from "@/lib/contracts/events";
import type { TLayerEvents } from "@/lib/contracts/realtime";

type TEntry = { event: TCityEvent; observedAtMs: number };
type TStateListener = (layer: TLayer, event: TCityEvent) => void;

/**
 * The live state of the city: the latest event per entity, per layer.
 * "Latest" means newest observedAt, so a late, out-of-order event never
 * overwrites fresher data. Listeners (realtime hub, later the rules engine)
 * hear about every event that changed the state.
 */
export class CityState {
  private readonly layers = new Map<TLayer, Map<string, TEntry>>(LAYERS.map((l) => [l, new Map()]));
  private readonly listeners = new Set<TStateListener>();

  /** Applies an event; returns false when it was older than what we hold. */
  apply(event: TCityEvent): boolean {
    const layer = layerOf(event);
    const entities = this.layers.get(layer)!;
    const observedAtMs = Date.parse(event.observedAt);
    const current = entities.get(event.entityId);
    if (current && current.observedAtMs > observedAtMs) return false;
    entities.set(event.entityId, { event, observedAtMs });
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
}
