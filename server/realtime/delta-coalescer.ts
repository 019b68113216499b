import type { TLayer } from "@/lib/contracts/layers";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TLayerEvents } from "@/lib/contracts/realtime";

/**
 * Collects changes for one client between flushes: only the latest event per
 * entity is kept, so the pending set never grows beyond the number of entities
 * however slow the client is.
 */
export class DeltaCoalescer {
  private pending = new Map<TLayer, Map<string, TCityEvent>>();
  private count = 0;

  add(layer: TLayer, event: TCityEvent): void {
    let entities = this.pending.get(layer);
    if (!entities) this.pending.set(layer, (entities = new Map()));
    if (!entities.has(event.entityId)) this.count++;
    entities.set(event.entityId, event);
  }

  /** Drops pending changes of layers the client no longer shows. */
  retainLayers(layers: ReadonlySet<TLayer>): void {
    for (const [layer, entities] of this.pending) {
      if (!layers.has(layer)) {
        this.count -= entities.size;
        this.pending.delete(layer);
      }
    }
  }

  /** Drops pending changes of entities the client no longer sees (its view moved). */
  retain(keep: (layer: TLayer, entityId: string) => boolean): void {
    for (const [layer, entities] of this.pending) {
      for (const entityId of entities.keys()) {
        if (keep(layer, entityId)) continue;
        entities.delete(entityId);
        this.count--;
      }
    }
  }

  get size(): number {
    return this.count;
  }

  /** Returns everything pending and starts over; null when nothing changed. */
  drain(): TLayerEvents | null {
    if (this.count === 0) return null;
    const delta: Record<string, TCityEvent[]> = {};
    for (const [layer, entities] of this.pending) delta[layer] = Array.from(entities.values());
    this.pending = new Map();
    this.count = 0;
    return delta as TLayerEvents;
  }

  clear(): void {
    this.pending = new Map();
    this.count = 0;
  }
}
