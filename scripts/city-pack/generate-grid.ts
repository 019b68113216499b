import type { TFeeder, TRoadSegment, TSubstation } from "@/lib/contracts/city-pack";
import type { TRandom } from "@/lib/seeded-random";
import { bearingDeg, destination, haversineM, ringCentroid, roundLonLat, type TLonLat } from "@/lib/geo";
import { nearestStreetName } from "./nearest-street";
import { isClosedWay, wayCoords, type TOsmData, type TTags } from "./read-osm";
import { buildRoadGraph, nearestSources, pathCoords, pathSegments, shortestPaths, type TCostOf, type TRoadGraph } from "./road-graph";
import { ringBetween } from "./town-shape";

/** A town's substations; a metro passes its own count. */
const SUBSTATION_COUNT = 4;
const DISTRIBUTION_VOLTAGE_V = 13_200;
const FEEDERS_MIN = 3;
const FEEDERS_MAX = 5;
/** Lines prefer real streets; a service alley is used only when it saves a lot. */
const SERVICE_ROAD_COST_FACTOR = 3;
/** A street that already carries a feeder costs this much more, so feeders fan out over parallel streets. */
const SHARED_STREET_COST_FACTOR = 4;
const COMPASS = ["North", "Northeast", "East", "Southeast", "South", "Southwest", "West", "Northwest"];

type TSite = { name?: string; position: TLonLat; node: string };

const compassName = (bearing: number) => COMPASS[Math.round(bearing / 45) % 8];
const isSubstation = (tags: TTags) => tags.power === "substation" || tags.power === "station";

function nearestNode(graph: TRoadGraph, nodes: readonly string[], p: TLonLat): string {
  return nodes.reduce((best, id) => (haversineM(p, graph.positions.get(id)!) < haversineM(p, graph.positions.get(best)!) ? id : best));
}

/** Real power=substation/station features from OSM, snapped to the road graph. */
function osmSites(osm: TOsmData, graph: TRoadGraph, nodes: readonly string[]): TSite[] {
  const points: { name?: string; position: TLonLat }[] = [];
  for (const n of osm.nodes.values()) if (isSubstation(n.tags)) points.push({ name: n.tags.name, position: n.loc });
  for (const w of osm.ways.values())
    if (isSubstation(w.tags) && isClosedWay(w)) points.push({ name: w.tags.name, position: ringCentroid(wayCoords(osm, w)) });
  return points.map((p) => ({ ...p, node: nearestNode(graph, nodes, p.position) }));
}

/** Generated sites on the outer ring of town, each far from the sites already placed (farthest-point sampling). */
function generatedSites(
  graph: TRoadGraph,
  nodes: readonly string[],
  center: TLonLat,
  existing: readonly TSite[],
  count: number,
  random: TRandom,
): TSite[] {
  const sites = [...existing];
  const ring = ringBetween(nodes, (id) => graph.positions.get(id)!, center, 0.7, 0.92);
  while (sites.length < count) {
    const spread = (id: string) => Math.min(Infinity, ...sites.map((s) => haversineM(s.position, graph.positions.get(id)!)));
    const node = random.pick([...ring].sort((a, b) => spread(b) - spread(a)).slice(0, 3));
    const at = graph.positions.get(node)!;
    // Set back from the street, away from town, as substations usually are.
    sites.push({ position: destination(at, bearingDeg(center, at), 45), node });
  }
  return sites.slice(existing.length);
}

/** Feeder end points: a far node in each of `count` angular sectors of the substation's service area. */
function feederTargets(
  graph: TRoadGraph,
  area: readonly string[],
  site: TSite,
  distance: ReadonlyMap<string, number>,
  count: number,
  random: TRandom,
): string[] {
  const byBearing = area.map((id) => ({ id, b: bearingDeg(site.position, graph.positions.get(id)!) })).sort((a, b) => a.b - b.b);
  // Start the sweep after the widest empty gap so no sector straddles it.
  let start = 0;
  let widest = -1;
  byBearing.forEach((p, i) => {
    const gap = (p.b - byBearing[(i - 1 + byBearing.length) % byBearing.length].b + 360) % 360;
    if (gap > widest) [widest, start] = [gap, i];
  });
  const swept = [...byBearing.slice(start), ...byBearing.slice(0, start)];
  const targets: string[] = [];
  for (let k = 0; k < count; k++) {
    const sector = swept.slice(Math.floor((k * swept.length) / count), Math.floor(((k + 1) * swept.length) / count));
    const far = sector.sort((a, b) => distance.get(b.id)! - distance.get(a.id)!).slice(0, Math.max(1, Math.ceil(sector.length / 5)));
    if (far.length > 0) targets.push(random.pick(far).id);
  }
  return targets;
}

/**
 * A plausible 13.2 kV distribution grid: real OSM substations plus generated ones
 * around the edge of town, each feeding the streets closest to it with 3–5 radial
 * feeders routed along real streets. One search assigns every street node to its
 * substation and each feeder's search stops at its end point, so a metro of
 * hundreds of substations costs about as much per substation as a town.
 */
export function generateGrid(
  osm: TOsmData,
  segments: readonly TRoadSegment[],
  center: TLonLat,
  random: TRandom,
  substationCount = SUBSTATION_COUNT,
): { substations: TSubstation[]; feeders: TFeeder[] } {
  const graph = buildRoadGraph(segments);
  const used = new Set<string>();
  const cost: TCostOf = (s) =>
    s.lengthM * (s.roadClass === "service" ? SERVICE_ROAD_COST_FACTOR : 1) * (used.has(s.id) ? SHARED_STREET_COST_FACTOR : 1);
  const all = [...graph.positions.keys()];
  // Only the connected network around the centre can be fed.
  const reachable = shortestPaths(graph, nearestNode(graph, all, center), cost).distance;
  const nodes = all.filter((id) => reachable.has(id));

  const real = osmSites(osm, graph, nodes).slice(0, substationCount);
  const sites = [...real, ...generatedSites(graph, nodes, center, real, substationCount, random)];
  const nearest = nearestSources(
    graph,
    sites.map((s) => s.node),
    cost,
  );

  const names = new Set<string>();
  const substations: TSubstation[] = sites.map((site, i) => {
    let name = site.name ?? `${nearestStreetName(site.position, segments) ?? compassName(bearingDeg(center, site.position))} Substation`;
    if (names.has(name)) name = `${name} ${i + 1}`;
    names.add(name);
    return {
      id: `sub-${i + 1}`,
      name,
      position: roundLonLat(site.position),
      capacityKw: Math.round(random.range(5, 20) * 2) * 500,
      voltageV: DISTRIBUTION_VOLTAGE_V,
    };
  });

  // Each street node is served by the substation closest along the streets.
  const areas = sites.map(() => [] as string[]);
  for (const id of nodes) areas[nearest.owner.get(id) ?? 0].push(id);

  const feeders: TFeeder[] = [];
  substations.forEach((sub, i) => {
    const targets = feederTargets(
      graph,
      areas[i],
      sites[i],
      nearest.distance,
      FEEDERS_MIN + random.int(FEEDERS_MAX - FEEDERS_MIN + 1),
      random,
    );
    targets.forEach((target, k) => {
      const paths = shortestPaths(graph, sites[i].node, cost, target);
      const route = pathCoords(paths, target);
      if (route.length < 2) return;
      for (const { segment } of pathSegments(paths, target)) used.add(segment.id);
      feeders.push({
        id: `${sub.id}-f${k + 1}`,
        substationId: sub.id,
        name: `Feeder ${i + 1}${String(k + 1).padStart(2, "0")}`,
        capacityKw: Math.round(((sub.capacityKw / targets.length) * random.range(1.1, 1.4)) / 100) * 100,
        coords: [roundLonLat(sites[i].position), ...route.map(roundLonLat)],
      });
    });
  });
  return { substations, feeders };
}
