import type { TLonLat } from "@/lib/geo";
import type { TOsmData, TOsmNode, TOsmRelation, TOsmWay, TTags } from "./read-osm";

/** One OSM element as every reader (iD graph, PBF, XML, GeoJSON) hands it over, with numeric ids. */
export type TOsmElement =
  | { type: "node"; id: number; lon: number; lat: number; tags: TTags }
  | { type: "way"; id: number; refs: number[]; tags: TTags }
  | { type: "relation"; id: number; members: { type: string; ref: number; role: string }[]; tags: TTags };

/** [west, south, east, north] in degrees. */
export type TBbox = [number, number, number, number];

export type TOsmCollector = {
  add(element: TOsmElement): void;
  /** Elements read so far, and the extent of every node read (before any bbox clip). */
  stats(): { nodes: number; ways: number; relations: number; extent: TBbox | undefined };
  finish(): TOsmData;
};

const TYPE_PREFIX = { node: "n", way: "w", relation: "r" } as const;
const NO_TAGS: TTags = Object.freeze({}) as TTags;

function inside([w, s, e, n]: TBbox, [lon, lat]: TLonLat): boolean {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** Numeric order, so the pack does not depend on the order of the source file. */
const byId = (a: { n: number }, b: { n: number }) => a.n - b.n;

/**
 * Gathers elements into TOsmData. With a bbox it keeps what osmium's "complete
 * ways" extract keeps: every node inside, every way touching the box with all its
 * nodes (so a street leaving the box keeps its real shape), and the relations
 * with a member kept.
 */
export function createOsmCollector(bbox?: TBbox): TOsmCollector {
  const nodes: (TOsmNode & { n: number })[] = [];
  const ways: (TOsmWay & { n: number })[] = [];
  const relations: (TOsmRelation & { n: number })[] = [];
  let extent: TBbox | undefined;
  const tagsOf = (tags: TTags) => (Object.keys(tags).length === 0 ? NO_TAGS : tags);

  return {
    add(el) {
      const id = `${TYPE_PREFIX[el.type]}${el.id}`;
      if (el.type === "node") {
        nodes.push({ n: el.id, id, loc: [el.lon, el.lat], tags: tagsOf(el.tags) });
        extent = extent
          ? [Math.min(extent[0], el.lon), Math.min(extent[1], el.lat), Math.max(extent[2], el.lon), Math.max(extent[3], el.lat)]
          : [el.lon, el.lat, el.lon, el.lat];
      } else if (el.type === "way") {
        ways.push({ n: el.id, id, nodeIds: el.refs.map((r) => `n${r}`), tags: tagsOf(el.tags) });
      } else {
        const members = el.members.map((m) => ({
          id: `${TYPE_PREFIX[m.type as keyof typeof TYPE_PREFIX] ?? "x"}${m.ref}`,
          role: m.role,
          type: m.type,
        }));
        relations.push({ n: el.id, id, members, tags: tagsOf(el.tags) });
      }
    },
    stats: () => ({ nodes: nodes.length, ways: ways.length, relations: relations.length, extent }),
    finish() {
      let [keptNodes, keptWays, keptRelations] = [nodes, ways, relations];
      if (bbox) {
        const locs = new Map(nodes.map((n) => [n.id, n.loc]));
        const isIn = (id: string) => {
          const loc = locs.get(id);
          return loc !== undefined && inside(bbox, loc);
        };
        keptWays = ways.filter((w) => w.nodeIds.some(isIn));
        const wanted = new Set(keptWays.flatMap((w) => w.nodeIds));
        keptNodes = nodes.filter((n) => wanted.has(n.id) || inside(bbox, n.loc));
        const keptIds = new Set([...keptNodes.map((n) => n.id), ...keptWays.map((w) => w.id)]);
        keptRelations = relations.filter((r) => r.members.some((m) => keptIds.has(m.id)));
      }
      const strip = <T extends { n: number }>({ n: _, ...rest }: T) => rest;
      const data: TOsmData = {
        nodes: new Map([...keptNodes].sort(byId).map((n) => [n.id, strip(n)])),
        ways: new Map([...keptWays].sort(byId).map((w) => [w.id, strip(w)])),
        relations: new Map([...keptRelations].sort(byId).map((r) => [r.id, strip(r)])),
      };
      // A way may only reference nodes the extract contains; drop dangling refs and
      // consecutive duplicates so every later step can trust its node list.
      for (const way of data.ways.values()) {
        way.nodeIds = way.nodeIds.filter((id, i, all) => data.nodes.has(id) && id !== all[i - 1]);
      }
      return data;
    },
  };
}
