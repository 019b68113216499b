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
 * Dijkstra from one node to every reachable node (a plain O(n²) scan: the town has
 * ~400 nodes). The cost is evaluated per search, so callers can penalise segments.
 */
export function shortestPaths(graph: TRoadGraph, source: string, costOf: TCostOf = (s) => s.lengthM): TShortestPaths {
  const distance = new Map<string, number>([[source, 0]]);
  const previous = new Map<string, { from: string; segment: TRoadSegment }>();
  const done = new Set<string>();
  for (;;) {
    let current: string | undefined;
    for (const [id, d] of distance) if (!done.has(id) && (current === undefined || d < distance.get(current)!)) current = id;
    if (current === undefined) break;
    done.add(current);
    for (const e of graph.edges.get(current) ?? []) {
      const d = distance.get(current)! + costOf(e.segment);
      if (d < (distance.get(e.to) ?? Infinity)) {
        distance.set(e.to, d);
        previous.set(e.to, { from: current, segment: e.segment });
      }
    }
  }
  return { distance, previous };
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
