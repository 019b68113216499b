import { z } from "zod";
import type { TLonLat } from "@/lib/geo";
import { createOsmCollector } from "./collect-osm";

/**
 * Parses iD's `intro_graph.json`: one object keyed by entity id, where ids carry
 * their OSM type as a prefix ("n12" node, "w3" way, "r5" relation). Nodes have
 * `loc: [lon, lat]`, ways list node ids, relations list typed members.
 */
const ZTags = z.record(z.string(), z.string());
const ZRawEntity = z.object({
  id: z.string().regex(/^[nwr]-?\d+$/),
  loc: z.tuple([z.number(), z.number()]).optional(),
  nodes: z.array(z.string()).optional(),
  members: z.array(z.object({ id: z.string(), role: z.string().default(""), type: z.string() })).optional(),
  tags: ZTags.optional(),
});
const ZRawGraph = z.record(z.string(), ZRawEntity);

export type TTags = Record<string, string>;
export type TOsmNode = { id: string; loc: TLonLat; tags: TTags };
export type TOsmWay = { id: string; nodeIds: string[]; tags: TTags };
export type TOsmRelation = { id: string; members: { id: string; role: string; type: string }[]; tags: TTags };
export type TOsmData = {
  nodes: Map<string, TOsmNode>;
  ways: Map<string, TOsmWay>;
  relations: Map<string, TOsmRelation>;
};

/** "w123" → "123": the number part, used in public ids. */
export function osmNumber(id: string): string {
  return id.slice(1);
}

export function readOsm(raw: unknown): TOsmData {
  const graph = ZRawGraph.parse(raw);
  const collector = createOsmCollector();
  for (const e of Object.values(graph)) {
    const id = Number(osmNumber(e.id));
    const tags = e.tags ?? {};
    if (e.id.startsWith("n")) {
      if (!e.loc) throw new Error(`OSM node ${e.id} has no loc`);
      collector.add({ type: "node", id, lon: e.loc[0], lat: e.loc[1], tags });
    } else if (e.id.startsWith("w")) {
      collector.add({ type: "way", id, refs: (e.nodes ?? []).map((n) => Number(osmNumber(n))), tags });
    } else {
      const members = (e.members ?? []).map((m) => ({ type: m.type, ref: Number(osmNumber(m.id)), role: m.role }));
      collector.add({ type: "relation", id, members, tags });
    }
  }
  return collector.finish();
}

export function wayCoords(osm: TOsmData, way: TOsmWay): TLonLat[] {
  return way.nodeIds.map((id) => osm.nodes.get(id)!.loc);
}

export function isClosedWay(way: TOsmWay): boolean {
  return way.nodeIds.length >= 4 && way.nodeIds[0] === way.nodeIds[way.nodeIds.length - 1];
}
