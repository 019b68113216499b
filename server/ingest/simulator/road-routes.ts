import createGraph, { type Graph } from "ngraph.graph";
import ngraphPath, { type PathFinder } from "ngraph.path";
import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { haversineM, type TLonLat } from "@/lib/geo";

type TLeg = { coords: readonly TLonLat[]; lengthM: number };

/** Shortest-distance drives over the road graph for simulated units (one-way streets respected). */
export class RoadRoutes {
  private readonly graph: Graph<TLonLat, TLeg> = createGraph();
  private readonly finder: PathFinder<TLonLat>;
  private readonly nodes: { id: string; position: TLonLat }[] = [];

  constructor(segments: readonly TRoadSegment[]) {
    for (const segment of segments) {
      this.addNode(segment.from, segment.coords[0]);
      this.addNode(segment.to, segment.coords[segment.coords.length - 1]);
      this.addLeg(segment.from, segment.to, { coords: segment.coords, lengthM: segment.lengthM });
      if (!segment.oneway) this.addLeg(segment.to, segment.from, { coords: [...segment.coords].reverse(), lengthM: segment.lengthM });
    }
    this.finder = ngraphPath.aStar(this.graph, {
      oriented: true,
      distance: (_from, _to, link) => link.data.lengthM,
      heuristic: (from, to) => haversineM(from.data, to.data),
    });
  }

  /**
   * A polyline from `from` to `to`: a straight hop onto the nearest road node, the roads between, and a straight
   * hop off to `to`. Straight from `from` to `to` when no road connects them.
   */
  route(from: TLonLat, to: TLonLat): TLonLat[] {
    const start = this.nearestNode(from);
    const end = this.nearestNode(to);
    if (!start || !end) return [from, to];
    // ngraph.path lists the path from its end back to its start; an empty path means no road connects them.
    const path = start === end ? [start] : this.finder.find(start, end).map((node) => String(node.id)).reverse();
    if (path.length === 0) return [from, to];
    const line: TLonLat[] = [from];
    const add = (p: TLonLat) => {
      const last = line[line.length - 1];
      if (p[0] !== last[0] || p[1] !== last[1]) line.push(p);
    };
    add(this.graph.getNode(path[0])!.data);
    for (let i = 1; i < path.length; i++) this.graph.getLink(path[i - 1], path[i])!.data.coords.slice(1).forEach(add);
    add(to);
    return line;
  }

  private addNode(id: string, position: TLonLat): void {
    if (this.graph.hasNode(id)) return;
    this.graph.addNode(id, position);
    this.nodes.push({ id, position });
  }

  /** Parallel roads between the same two nodes: keep the shorter. */
  private addLeg(from: string, to: string, leg: TLeg): void {
    const existing = this.graph.getLink(from, to);
    if (existing && existing.data.lengthM <= leg.lengthM) return;
    if (existing) this.graph.removeLink(existing);
    this.graph.addLink(from, to, leg);
  }

  private nearestNode(point: TLonLat): string | null {
    let best: string | null = null;
    let bestDistance = Infinity;
    for (const node of this.nodes) {
      const d = haversineM(point, node.position);
      if (d < bestDistance) [best, bestDistance] = [node.id, d];
    }
    return best;
  }
}
