import TinyQueue from "tinyqueue";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import type { TLonLat } from "@/lib/geo";

/**
 * Undirected graph over road segments, for things that follow streets but not
 * traffic rules (power feeders). Node ids are the segments' from/to ids.
 */
export type TRoadGraph = {
  positions: Map<string, TLonLat>;
  edges: Map<string, { to: string; segment: TRoadSegment }[]>;
};

export type TCostOf = (segment: TRoadSegment) => number;

export function buildRoadGraph(segments: readonly TRoadSegment[]): TRoadGraph {
  const graph: TRoadGraph = { positions: new Map(), edges: new Map() };
  const link = (a: string, b: string, segment: TRoadSegment) => {
    const list = graph.edges.get(a) ?? [];
    list.push({ to: b, segment });
    graph.edges.set(a, list);
  };
  for (const s of segments) {
    graph.positions.set(s.from, s.coords[0]);
    graph.positions.set(s.to, s.coords[s.coords.length - 1]);
    link(s.from, s.to, s);
    link(s.to, s.from, s);
  }
  return graph;
}

export type TShortestPaths = {
  distance: Map<string, number>;
  previous: Map<string, { from: string; segment: TRoadSegment }>;
};

/**
 * Dijkstra from one node to every reachable node, or until `target` is settled (its
 * path is final then, so stopping early changes nothing about it). The cost is
 * evaluated per search, so callers can penalise segments. Of two nodes at the same
 * distance the one reached first is settled first, which keeps every path (and so
 * every pack) the same from one build to the next.
 */
export function shortestPaths(graph: TRoadGraph, source: string, costOf: TCostOf = (s) => s.lengthM, target?: string): TShortestPaths {
  const distance = new Map<string, number>([[source, 0]]);
  const previous = new Map<string, { from: string; segment: TRoadSegment }>();
  const reachedOrder = new Map<string, number>([[source, 0]]);
  const queue = new TinyQueue<{ id: string; d: number; order: number }>(
    [{ id: source, d: 0, order: 0 }],
    (a, b) => a.d - b.d || a.order - b.order,
  );
  const done = new Set<string>();
  for (let item = queue.pop(); item; item = queue.pop()) {
    const current = item.id;
    if (done.has(current) || item.d !== distance.get(current)) continue;
    done.add(current);
    if (current === target) break;
    for (const e of graph.edges.get(current) ?? []) {
      const d = item.d + costOf(e.segment);
      if (d < (distance.get(e.to) ?? Infinity)) {
        distance.set(e.to, d);
        previous.set(e.to, { from: current, segment: e.segment });
        if (!reachedOrder.has(e.to)) reachedOrder.set(e.to, reachedOrder.size);
        queue.push({ id: e.to, d, order: reachedOrder.get(e.to)! });
      }
    }
  }
  return { distance, previous };
}

/**
 * Which of `sources` each reachable node is closest to along the streets, and how far:
 * one multi-source Dijkstra instead of one search per source. Of sources at the same
 * distance the first listed wins, as comparing one search per source would decide.
 */
export function nearestSources(
  graph: TRoadGraph,
  sources: readonly string[],
  costOf: TCostOf = (s) => s.lengthM,
): { owner: Map<string, number>; distance: Map<string, number> } {
  const owner = new Map<string, number>();
  const distance = new Map<string, number>();
  const queue = new TinyQueue<{ id: string; d: number; owner: number }>([], (a, b) => a.d - b.d || a.owner - b.owner);
  const better = (id: string, d: number, o: number) => {
    const known = distance.get(id);
    return known === undefined || d < known || (d === known && o < owner.get(id)!);
  };
  sources.forEach((id, o) => {
    if (!better(id, 0, o)) return;
    distance.set(id, 0);
    owner.set(id, o);
    queue.push({ id, d: 0, owner: o });
  });
  const done = new Set<string>();
  for (let item = queue.pop(); item; item = queue.pop()) {
    if (done.has(item.id) || item.d !== distance.get(item.id) || item.owner !== owner.get(item.id)) continue;
    done.add(item.id);
    for (const e of graph.edges.get(item.id) ?? []) {
      const d = item.d + costOf(e.segment);
      if (!done.has(e.to) && better(e.to, d, item.owner)) {
        distance.set(e.to, d);
        owner.set(e.to, item.owner);
        queue.push({ id: e.to, d, owner: item.owner });
      }
    }
  }
  return { owner, distance };
}

/** Segments from the source to `target`, in travel order. */
export function pathSegments(paths: TShortestPaths, target: string): { segment: TRoadSegment; reversed: boolean }[] {
  const steps: { segment: TRoadSegment; reversed: boolean }[] = [];
  for (let node = target, step = paths.previous.get(node); step; node = step.from, step = paths.previous.get(node)) {
    steps.unshift({ segment: step.segment, reversed: step.segment.to !== node });
  }
  return steps;
}

/** Street geometry from the source to `target`, oriented source → target. */
export function pathCoords(paths: TShortestPaths, target: string): TLonLat[] {
  return pathSegments(paths, target).flatMap(({ segment, reversed }, i) => {
    const c = reversed ? [...segment.coords].reverse() : segment.coords;
    return i === 0 ? c : c.slice(1);
  });
}
