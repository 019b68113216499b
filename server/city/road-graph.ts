import createGraph, { type Graph, type Link } from "ngraph.graph";
import ngraphPath from "ngraph.path";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { haversineM, type TLonLat } from "@/lib/geo";
import { createNearestPoint } from "./nearest-point";
import { largestStronglyConnected } from "./strongly-connected";

/** A drive over the road graph: what dispatch records and the simulator follows. */
export type TPlannedRoute = {
  /** Travel time at the speeds the planner was given (live traffic), seconds. */
  etaSeconds: number;
  distanceM: number;
  /** From the start point to the destination: [lon, lat][], at least two points. */
  coords: TLonLat[];
};

/** Fastest routes over the city's road graph at the speeds the planner reads (live traffic, or free flow). */
export type TRoutePlanner = {
  /** null when no road connects the two points (or a point is far off the network). */
  planRoute(from: TLonLat, to: TLonLat): TPlannedRoute | null;
};

type TEdge = { segmentId: string; lengthM: number; freeFlowKmh: number; coords: readonly TLonLat[] };

/** A jammed street is slow, not impassable. */
export const MIN_SPEED_KMH = 3;
/** Live readings above this are treated as this (the A* heuristic assumes nobody drives faster). */
const MAX_SPEED_KMH = 130;
/** Off-road legs (unit or incident to the nearest road node) at a crawl through a car park or yard. */
export const SNAP_SPEED_KMH = 20;
/** A point farther than this from every road node is off the network. */
const MAX_SNAP_M = 2_000;

const mps = (kmh: number) => kmh / 3.6;

/**
 * Fastest routes over the pack's road graph. The graph (directed edges, both ways unless one-way) is
 * built once; speeds are read at search time through `speedKmhOf` (the live traffic layer), so a jam
 * reroutes the very next search. Segments without a reading run at free flow.
 */
export function createRoutePlanner(
  segments: readonly TRoadSegment[],
  speedKmhOf: (segmentId: string) => number | undefined,
): TRoutePlanner {
  const graph: Graph<TLonLat, TEdge> = createGraph({ multigraph: true });
  for (const segment of segments) {
    const { coords } = segment;
    if (!graph.hasNode(segment.from)) graph.addNode(segment.from, coords[0]);
    if (!graph.hasNode(segment.to)) graph.addNode(segment.to, coords[coords.length - 1]);
    const edge = { segmentId: segment.id, lengthM: segment.lengthM, freeFlowKmh: segment.freeFlowKmh };
    graph.addLink(segment.from, segment.to, { ...edge, coords });
    if (!segment.oneway) graph.addLink(segment.to, segment.from, { ...edge, coords: [...coords].reverse() });
  }

  const secondsOf = (edge: TEdge) => {
    const live = speedKmhOf(edge.segmentId);
    const kmh = live === undefined || !Number.isFinite(live) ? edge.freeFlowKmh : live;
    return edge.lengthM / mps(Math.min(MAX_SPEED_KMH, Math.max(MIN_SPEED_KMH, kmh)));
  };

  // Admissible: no edge is shorter than the straight line between its ends times `shortest`, nor faster than MAX_SPEED_KMH.
  let shortest = 1;
  graph.forEachLink((link) => {
    const straight = haversineM(graph.getNode(link.fromId)!.data, graph.getNode(link.toId)!.data);
    if (straight > 0) shortest = Math.min(shortest, link.data.lengthM / straight);
  });
  const finder = ngraphPath.aStar(graph, {
    oriented: true,
    distance: (_from, _to, link) => secondsOf(link.data),
    heuristic: (node, target) => (haversineM(node.data, target.data) * shortest) / mps(MAX_SPEED_KMH),
  });

  // Snap only to nodes from which every other such node is reachable (and back): a dead end of a one-way
  // street or a fragment cut off at the pack's edge would leave a unit with no route at all.
  const snappable = [...largestStronglyConnected(graph)].map((id) => ({ id, position: graph.getNode(id)!.data }));
  const nearestSnappable = createNearestPoint(snappable.map((n) => n.position));
  const nearestNode = (point: TLonLat) => {
    const best = nearestSnappable(point);
    return best && best.distanceM <= MAX_SNAP_M ? { ...snappable[best.index], distanceM: best.distanceM } : null;
  };

  /** Of parallel edges a → b, the one the search took: the fastest now. */
  const fastestEdge = (fromId: string, toId: string): TEdge => {
    let best: Link<TEdge> | undefined;
    for (const link of graph.getLinks(fromId) ?? []) {
      if (link.fromId !== fromId || link.toId !== toId) continue;
      if (!best || secondsOf(link.data) < secondsOf(best.data)) best = link;
    }
    if (!best) throw new Error(`no edge ${fromId} → ${toId}`);
    return best.data;
  };

  return {
    planRoute(from, to): TPlannedRoute | null {
      const start = nearestNode(from);
      const end = nearestNode(to);
      if (!start || !end) return null;
      // ngraph.path lists the nodes from the target back to the source; empty when nothing connects them.
      const nodes =
        start.id === end.id
          ? [start.id]
          : finder
              .find(start.id, end.id)
              .map((n) => String(n.id))
              .reverse();
      if (nodes.length === 0) return null;

      const coords: TLonLat[] = [from, start.position];
      let distanceM = start.distanceM + end.distanceM;
      let etaSeconds = (start.distanceM + end.distanceM) / mps(SNAP_SPEED_KMH);
      for (let i = 1; i < nodes.length; i++) {
        const edge = fastestEdge(nodes[i - 1], nodes[i]);
        coords.push(...edge.coords.slice(1));
        distanceM += edge.lengthM;
        etaSeconds += secondsOf(edge);
      }
      coords.push(to);
      return { etaSeconds, distanceM, coords };
    },
  };
}
