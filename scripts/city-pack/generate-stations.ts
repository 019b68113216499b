import type { TRoadSegment, TStation } from "@/lib/contracts/city-pack";
import type { TUnitType } from "@/lib/contracts/events";
import type { TRandom } from "@/lib/seeded-random";
import { bearingDeg, destination, haversineM, ringCentroid, roundLonLat, type TLonLat } from "@/lib/geo";
import { isClosedWay, wayCoords, type TOsmData, type TTags } from "./read-osm";
import { ringBetween } from "./town-shape";

const EMS_MIN_APART_M = 700;

type TPlace = { name?: string; position: TLonLat; tags: TTags };

/** Named features from OSM as points (areas → centroid), in id order. */
function places(osm: TOsmData): TPlace[] {
  const out: TPlace[] = [...osm.nodes.values()]
    .filter((n) => Object.keys(n.tags).length > 0)
    .map((n) => ({ name: n.tags.name, position: n.loc, tags: n.tags }));
  for (const w of osm.ways.values())
    if (isClosedWay(w)) out.push({ name: w.tags.name, position: ringCentroid(wayCoords(osm, w)), tags: w.tags });
  return out;
}

const isPolice = (t: TTags) => t.amenity === "police";
const isFire = (t: TTags) => t.amenity === "fire_station";
const isEms = (t: TTags) => t.amenity === "hospital" || t.amenity === "clinic" || t.emergency === "ambulance_station";

function firstNonEmpty<T>(...lists: T[][]): T[] {
  return lists.find((l) => l.length > 0) ?? [];
}

/** A point set back from a random street node drawn from `candidates`. */
function besideStreet(candidates: readonly TLonLat[], center: TLonLat, random: TRandom): TLonLat {
  const at = random.pick(candidates);
  return destination(at, bearingDeg(center, at) + random.pick([90, -90]), 30);
}

/**
 * One or more stations per unit type. Real OSM stations are used where the extract
 * has them (a police department is assumed to sit in the town hall when no police
 * station is mapped); the rest are placed plausibly from the seed: EMS on an
 * arterial away from the fire station, public works in an industrial area, the
 * utility service centre near the grid.
 */
export function generateStations(
  osm: TOsmData,
  segments: readonly TRoadSegment[],
  opts: { townName: string; center: TLonLat; utilityNear?: TLonLat },
  random: TRandom,
): TStation[] {
  const all = places(osm);
  const { townName, center } = opts;
  const found: Record<TUnitType, { name: string; position: TLonLat }[]> = { police: [], fire: [], ems: [], sanitation: [], utility: [] };

  found.police = all
    .filter((p) => isPolice(p.tags))
    .map((p) => ({ name: p.name ?? `${townName} Police Department`, position: p.position }));
  const townHall = all.find((p) => p.tags.amenity === "townhall");
  if (found.police.length === 0 && townHall) found.police.push({ name: `${townName} Police Department`, position: townHall.position });

  found.fire = all.filter((p) => isFire(p.tags)).map((p) => ({ name: p.name ?? `${townName} Fire Station`, position: p.position }));
  found.ems = all.filter((p) => isEms(p.tags)).map((p) => ({ name: p.name ?? `${townName} EMS`, position: p.position }));

  const arterialNodes = segments
    .filter((s) => ["primary", "secondary", "tertiary"].includes(s.roadClass))
    .flatMap((s) => [s.coords[0], s.coords[s.coords.length - 1]]);
  const allNodes = segments.map((s) => s.coords[0]);
  const streetNodes = firstNonEmpty(
    segments.filter((s) => s.roadClass !== "service").map((s) => s.coords[0]),
    allNodes,
  );
  // An extract without arterials (a suburb, a village) places stations on its other streets.
  const inner = ringBetween(firstNonEmpty(arterialNodes, streetNodes), (p) => p, center, 0.15, 0.6);

  if (found.police.length === 0)
    found.police.push({ name: `${townName} Police Department`, position: besideStreet(inner, center, random) });
  if (found.fire.length === 0) found.fire.push({ name: `${townName} Fire Station 1`, position: besideStreet(inner, center, random) });
  if (found.ems.length === 0) {
    const fire = found.fire[0].position;
    // A second base covers the part of town the fire station reaches last.
    const byDistance = [...inner].sort((a, b) => haversineM(b, fire) - haversineM(a, fire));
    const apart = byDistance.filter((p) => haversineM(p, fire) > EMS_MIN_APART_M);
    found.ems.push({
      name: `${townName} Ambulance Service`,
      position: besideStreet(apart.length ? apart : byDistance.slice(0, 3), center, random),
    });
  }

  const industrial = all.filter((p) => p.tags.landuse === "industrial");
  found.sanitation.push({
    name: `${townName} Public Works Yard`,
    position: industrial.length
      ? random.pick(industrial).position
      : besideStreet(
          ringBetween(streetNodes, (p) => p, center, 0.7, 0.9),
          center,
          random,
        ),
  });

  // Crews work out of a yard next to the grid, a short drive towards town.
  const utilityAt = opts.utilityNear
    ? destination(opts.utilityNear, bearingDeg(opts.utilityNear, center), 150)
    : besideStreet(inner, center, random);
  found.utility.push({ name: `${townName} Utilities Service Center`, position: utilityAt });

  return (Object.keys(found) as TUnitType[]).flatMap((type) =>
    found[type].map((s, i) => ({ id: `station-${type}-${i + 1}`, name: s.name, type, position: roundLonLat(s.position) })),
  );
}
