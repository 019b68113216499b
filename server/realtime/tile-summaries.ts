import type { TDomainDefinition, TDomainEvent } from "@/lib/contracts/domain-definition";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TLayer } from "@/lib/contracts/layers";
import type { TCitySummaries, TLevelCounts, TTileSummary } from "@/lib/contracts/realtime";
import { congestionOf, levelOf, loadOf, occupancyOf, wasteLevelOf, type TAttentionLevel } from "@/lib/live/attention";
import { isTiledLayer, TILED_LAYERS, type TTileIndex, type TTiledLayer } from "@/lib/live/tile-index";
import type { TTileKey } from "@/lib/live/tiles";
import { DeclaredTileSummaries } from "./declared-tile-summaries";

const NO_DOMAINS: ReadonlySet<string> = new Set();

/** The attention level of a reading; null for an entity the pack does not place (it cannot be counted anywhere). */
function levelOfEvent(event: TCityEvent, freeFlowKmh: (segmentId: string) => number | undefined): TAttentionLevel | null {
  switch (event.type) {
    case "TrafficFlowObserved": {
      const freeFlow = freeFlowKmh(event.entityId);
      return freeFlow === undefined ? null : levelOf("traffic", congestionOf(freeFlow, event));
    }
    case "OffStreetParking":
      return levelOf("parking", occupancyOf(event));
    case "WasteContainer":
      return wasteLevelOf(event);
    case "EnergyMeasurement":
      return levelOf("energy", loadOf(event));
    case "UnitPosition":
      return null;
  }
}

/**
 * Per tile and tiled layer, how many entities the pack places there and how many latest readings sit at each
 * attention level — kept up to date one reading at a time (the old level out, the new one in), so reading the
 * summaries never walks the 100,000 entities. Each entity is counted in its own tile only. The declared domains'
 * sensors are counted beside them (declared-tile-summaries.ts) and added for the clients that subscribed to them.
 */
export class TileSummaries {
  private readonly counts = new Map<TTileKey, Partial<Record<TTiledLayer, TLevelCounts>>>();
  private readonly levels = new Map<TTiledLayer, Map<string, TAttentionLevel>>(TILED_LAYERS.map((l) => [l, new Map()]));
  private cached: TCitySummaries | null = null;
  private readonly declared: DeclaredTileSummaries;
  /** Per set of declared domains, the last summaries read with them and what they were made from. */
  private readonly withDomains = new Map<string, { builtIn: TCitySummaries; versions: string; summaries: TCitySummaries }>();

  constructor(
    private readonly index: TTileIndex,
    private readonly freeFlowKmh: (segmentId: string) => number | undefined,
    definitions: readonly Pick<TDomainDefinition, "id" | "rules" | "map">[] = [],
  ) {
    this.declared = new DeclaredTileSummaries(index, definitions);
    for (const [tile, contents] of index.tiles) {
      const layers: Partial<Record<TTiledLayer, TLevelCounts>> = {};
      const entities: Record<TTiledLayer, number> = {
        traffic: contents.segments.length,
        parking: contents.parking.length,
        waste: contents.bins.length,
        energy: contents.substations.length + contents.feeders.length,
      };
      for (const layer of TILED_LAYERS) if (entities[layer] > 0) layers[layer] = [entities[layer], 0, 0, 0, 0];
      this.counts.set(tile, layers);
    }
  }

  /** Whether anything changed since the last read. */
  get changed(): boolean {
    return this.cached === null;
  }

  apply(layer: TLayer, event: TCityEvent): void {
    if (!isTiledLayer(layer)) return;
    const tile = this.index.tileOf(layer, event.entityId);
    const level = levelOfEvent(event, this.freeFlowKmh);
    if (tile === undefined || level === null) return;
    const levels = this.levels.get(layer)!;
    const previous = levels.get(event.entityId);
    if (previous === level) return;
    const counts = this.counts.get(tile)?.[layer];
    if (!counts) return;
    if (previous !== undefined) counts[1 + previous]--;
    counts[1 + level]++;
    levels.set(event.entityId, level);
    this.cached = null;
  }

  applyDeclared(domain: string, event: TDomainEvent): void {
    this.declared.apply(domain, event);
  }

  /**
   * The summaries for a client of these declared domains: the same object until something it holds changed, so
   * a hub tells which clients need them again by identity.
   */
  read(domains: ReadonlySet<string> = NO_DOMAINS): TCitySummaries {
    const builtIn = this.readBuiltIn();
    const wanted = [...domains].filter((domain) => this.declared.has(domain)).sort();
    if (wanted.length === 0) return builtIn;
    const key = wanted.join(",");
    const versions = this.declared.versionOf(wanted);
    const cached = this.withDomains.get(key);
    if (cached?.builtIn === builtIn && cached.versions === versions) return cached.summaries;
    const tiles = builtIn.tiles.map((summary): TTileSummary => {
      let declared: Record<string, TLevelCounts> | undefined;
      for (const domain of wanted) {
        const counts = this.declared.countsIn(domain, summary.tile);
        if (counts) (declared ??= {})[domain] = [...counts];
      }
      return declared ? { ...summary, declared } : summary;
    });
    const summaries = { at: new Date().toISOString(), tiles };
    this.withDomains.set(key, { builtIn, versions, summaries });
    return summaries;
  }

  private readBuiltIn(): TCitySummaries {
    if (this.cached) return this.cached;
    const tiles: TTileSummary[] = [];
    // Copies: the payload may be queued for sockets while later readings change the counts.
    for (const [tile, layers] of this.counts) {
      const copy: TTileSummary["layers"] = {};
      for (const layer of TILED_LAYERS) {
        const counts = layers[layer];
        if (counts) copy[layer] = [...counts];
      }
      tiles.push({ tile, layers: copy });
    }
    this.cached = { at: new Date().toISOString(), tiles };
    return this.cached;
  }
}
