import { z } from "zod";
import type { TLonLat } from "@/lib/geo";

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

/** Numeric order of prefixed ids, so output order does not depend on JSON key order. */
function compareOsmIds(a: string, b: string): number {
  return Number(osmNumber(a)) - Number(osmNumber(b)) || a.localeCompare(b);
}

export function readOsm(raw: unknown): TOsmData {
  const graph = ZRawGraph.parse(raw);
  const data: TOsmData = { nodes: new Map(), ways: new Map(), relations: new Map() };
  const ids = Object.keys(graph).sort(compareOsmIds);
  for (const key of ids) {
    const e = graph[key];
    const tags = e.tags ?? {};
    if (e.id.startsWith("n")) {
      if (!e.loc) throw new Error(`OSM node ${e.id} has no loc`);
      data.nodes.set(e.id, { id: e.id, loc: e.loc, tags });
    } else if (e.id.startsWith("w")) {
      data.ways.set(e.id, { id: e.id, nodeIds: e.nodes ?? [], tags });
    } else {
      data.relations.set(e.id, { id: e.id, members: e.members ?? [], tags });
    }
  }
  // A way may only reference nodes the extract contains; drop dangling refs and
  // consecutive duplicates so every later step can trust its node list.
  for (const way of data.ways.values()) {
    way.nodeIds = way.nodeIds.filter((id, i, all) => data.nodes.has(id) && id !== all[i - 1]);
  }
  return data;
}

export function wayCoords(osm: TOsmData, way: TOsmWay): TLonLat[] {
  return way.nodeIds.map((id) => osm.nodes.get(id)!.loc);
}

export function isClosedWay(way: TOsmWay): boolean {
  return way.nodeIds.length >= 4 && way.nodeIds[0] === way.nodeIds[way.nodeIds.length - 1];
}
