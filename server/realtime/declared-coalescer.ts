import type { TDomainEvent } from "@/lib/contracts/domain-definition";

/** DeltaCoalescer's twin for declared domains: latest event per sensor, per domain, until drained. */
export class DeclaredCoalescer {
  private pending = new Map<string, Map<string, TDomainEvent>>();
  private count = 0;

  add(domain: string, event: TDomainEvent): void {
    let entities = this.pending.get(domain);
    if (!entities) this.pending.set(domain, (entities = new Map()));
    if (!entities.has(event.entityId)) this.count++;
    entities.set(event.entityId, event);
  }

  /** Drops pending changes of sensors the client no longer sees (its view moved). */
  retain(keep: (domain: string, entityId: string) => boolean): void {
    for (const [domain, entities] of this.pending) {
      for (const entityId of entities.keys()) {
        if (keep(domain, entityId)) continue;
        entities.delete(entityId);
        this.count--;
      }
    }
  }

  get size(): number {
    return this.count;
  }

  drain(): Record<string, TDomainEvent[]> | null {
    if (this.count === 0) return null;
    const delta: Record<string, TDomainEvent[]> = {};
    for (const [domain, entities] of this.pending) delta[domain] = Array.from(entities.values());
    this.clear();
    return delta;
  }

  clear(): void {
    this.pending = new Map();
    this.count = 0;
  }
}

/** The changes of these domains only; null when none of them changed. */
export function pickDeclared(changes: Record<string, TDomainEvent[]>, domains: ReadonlySet<string>): Record<string, TDomainEvent[]> | null {
  let picked: Record<string, TDomainEvent[]> | null = null;
  for (const domain of domains) {
    const events = changes[domain];
    if (events?.length) (picked ??= {})[domain] = events;
  }
  return picked;
}
