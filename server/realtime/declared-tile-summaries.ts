import type { TDomainDefinition, TDomainEvent } from "@/lib/contracts/domain-definition";
import type { TLevelCounts } from "@/lib/contracts/realtime";
import type { TAttentionLevel } from "@/lib/live/attention";
import { declaredLevelRule } from "@/lib/live/declared-attention";
import type { TTileIndex } from "@/lib/live/tile-index";
import type { TTileKey } from "@/lib/live/tiles";

type TDomainCounts = {
  levelOf: ((event: TDomainEvent) => TAttentionLevel) | null;
  /** Tiles holding sensors of the domain: how many, then their latest readings per level. */
  tiles: Map<TTileKey, TLevelCounts>;
  levels: Map<string, TAttentionLevel>;
  /** Grows with every change of a count. */
  version: number;
};

/**
 * The declared domains' sensors per tile, counted as the built-in layers are (tile-summaries.ts): how many the
 * domain places there and how many latest readings sit at each level its definition gives, kept up to date one
 * reading at a time. A definition that gives no level counts its readings as fine.
 */
export class DeclaredTileSummaries {
  private readonly domains = new Map<string, TDomainCounts>();

  constructor(
    private readonly index: TTileIndex,
    definitions: readonly Pick<TDomainDefinition, "id" | "rules" | "map">[],
  ) {
    for (const definition of definitions) {
      const tiles = new Map<TTileKey, TLevelCounts>();
      for (const [tile, contents] of index.tiles) {
        const sensors = contents.declared.get(definition.id)?.length ?? 0;
        if (sensors > 0) tiles.set(tile, [sensors, 0, 0, 0, 0]);
      }
      this.domains.set(definition.id, { levelOf: declaredLevelRule(definition), tiles, levels: new Map(), version: 0 });
    }
  }

  has(domain: string): boolean {
    return this.domains.has(domain);
  }

  apply(domain: string, event: TDomainEvent): void {
    const state = this.domains.get(domain);
    const tile = this.index.declaredTileOf(domain, event.entityId);
    const counts = tile === undefined ? undefined : state?.tiles.get(tile);
    if (!state || !counts) return;
    const level = state.levelOf?.(event) ?? 0;
    const previous = state.levels.get(event.entityId);
    if (previous === level) return;
    if (previous !== undefined) counts[1 + previous]--;
    counts[1 + level]++;
    state.levels.set(event.entityId, level);
    state.version++;
  }

  /** The domains' versions as one key: the same key, the same counts. */
  versionOf(domains: readonly string[]): string {
    return domains.map((domain) => this.domains.get(domain)?.version ?? -1).join(",");
  }

  /** A domain's counts in one tile (live: copy before queueing them for sockets). */
  countsIn(domain: string, tile: TTileKey): TLevelCounts | undefined {
    return this.domains.get(domain)?.tiles.get(tile);
  }
}
