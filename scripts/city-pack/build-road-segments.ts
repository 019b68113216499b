import type { TRoadSegment } from "@/lib/contracts/city-pack";
import { lineLengthM, roundLonLat } from "@/lib/geo";
import { isClosedWay, osmNumber, wayCoords, type TOsmData, type TOsmWay } from "./read-osm";
import { roadAttributes, toRoadClass } from "./road-classes";

export function drivableWays(osm: TOsmData): TOsmWay[] {
  return [...osm.ways.values()].filter((w) => w.nodeIds.length >= 2 && toRoadClass(w.tags.highway) && w.tags.area !== "yes");
}

/**
 * How many times each node is used by drivable ways. A node used twice, either by
 * two ways or twice by one way (a loop), is an intersection. The closing node of a
 * closed way counts once.
 */
function nodeUseCounts(ways: readonly TOsmWay[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const way of ways) {
    const ids = isClosedWay(way) ? way.nodeIds.slice(0, -1) : way.nodeIds;
    for (const id of ids) uses.set(id, (uses.get(id) ?? 0) + 1);
  }
  return uses;
}

/** Vertex indexes where a way is cut: its ends and every intersection. */
function cutIndexes(way: TOsmWay, uses: Map<string, number>): number[] {
  const last = way.nodeIds.length - 1;
  const cuts = [0];
  for (let i = 1; i < last; i++) if ((uses.get(way.nodeIds[i]) ?? 0) >= 2) cuts.push(i);
  cuts.push(last);
  return cuts;
}

export function buildRoadSegments(osm: TOsmData): TRoadSegment[] {
  const ways = drivableWays(osm);
  const uses = nodeUseCounts(ways);
  const segments: TRoadSegment[] = [];
  for (const way of ways) {
    const roadClass = toRoadClass(way.tags.highway)!;
    const attrs = roadAttributes(way.tags, roadClass);
    const coords = wayCoords(osm, way);
    const cuts = cutIndexes(way, uses);
    let n = 0;
    for (let i = 1; i < cuts.length; i++) {
      const [a, b] = [cuts[i - 1], cuts[i]];
      let pieceCoords = coords.slice(a, b + 1).map(roundLonLat);
      let [from, to] = [way.nodeIds[a], way.nodeIds[b]];
      const lengthM = Math.round(lineLengthM(pieceCoords) * 10) / 10;
      if (!(lengthM > 0)) continue;
      // Coordinates always run in the direction of travel of a one-way street.
      if (attrs.direction === "reverse") {
        pieceCoords = pieceCoords.reverse();
        [from, to] = [to, from];
      }
      segments.push({
        id: `seg-${osmNumber(way.id)}-${n++}`,
        ...(way.tags.name ? { name: way.tags.name } : {}),
        roadClass,
        from: osmNumber(from),
        to: osmNumber(to),
        oneway: attrs.direction !== "both",
        lanes: attrs.lanes,
        freeFlowKmh: attrs.freeFlowKmh,
        capacityVph: attrs.capacityVph,
        lengthM,
        coords: pieceCoords,
      });
    }
  }
  return segments;
}
