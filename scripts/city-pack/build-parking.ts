import type { TParkingLot } from "@/lib/contracts/city-pack";
import { ringAreaM2, ringCentroid, roundLonLat, type TLonLat } from "@/lib/geo";
import { isClosedWay, osmNumber, wayCoords, type TOsmData, type TTags } from "./read-osm";

/** Gross lot area per space, aisles included. */
const M2_PER_SPACE = 25;
const MIN_SPACES = 10;
const MAX_SPACES = 800;

export function estimateCapacity(tags: TTags, areaM2: number): number {
  const tagged = Number.parseInt(tags.capacity ?? "", 10);
  if (tagged >= 1) return tagged;
  return Math.min(MAX_SPACES, Math.max(MIN_SPACES, Math.round(areaM2 / M2_PER_SPACE)));
}

/** Every amenity=parking: areas become their centroid, nodes keep their position. */
export function buildParking(osm: TOsmData): TParkingLot[] {
  const found: { id: string; tags: TTags; position: TLonLat; areaM2: number }[] = [];
  for (const node of osm.nodes.values()) {
    if (node.tags.amenity === "parking") found.push({ id: node.id, tags: node.tags, position: node.loc, areaM2: 0 });
  }
  for (const way of osm.ways.values()) {
    if (way.tags.amenity !== "parking" || !isClosedWay(way)) continue;
    const ring = wayCoords(osm, way);
    found.push({ id: way.id, tags: way.tags, position: ringCentroid(ring), areaM2: ringAreaM2(ring) });
  }
  let unnamed = 0;
  return found.map((p) => ({
    id: `parking-${p.id[0]}${osmNumber(p.id)}`,
    name: p.tags.name ?? `Parking ${++unnamed}`,
    capacity: estimateCapacity(p.tags, p.areaM2),
    position: roundLonLat(p.position),
  }));
}
