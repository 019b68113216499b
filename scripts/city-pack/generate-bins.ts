import type { TRoadSegment, TWasteBin } from "@/lib/contracts/city-pack";
import type { TRandom } from "@/lib/seeded-random";
import Flatbush from "flatbush";
import { bboxOf, destination, distanceToLineM, pointAlong, ringCentroid, roundLonLat, type TLonLat } from "@/lib/geo";
import { nearestStreetName } from "./nearest-street";
import { isClosedWay, osmNumber, wayCoords, type TOsmData } from "./read-osm";

const BIN_ROAD_CLASSES = new Set(["primary", "secondary", "tertiary", "residential"]);
/** Street waste baskets from OSM are small litter bins. */
const OSM_BASKET_L = 80;
/** Kerbside containers, weighted towards the common 240 L wheelie bin. */
const GENERATED_VOLUMES_L = [120, 240, 240, 240, 360, 660, 1100] as const;
/** Bins sit on the pavement, beside the carriageway. */
const KERB_OFFSET_M = 7;
/** Kerbside bins serve buildings: a street qualifies when a building stands this close. */
const BUILDING_NEAR_M = 80;

type TBinOptions = { total: number };

const M_PER_DEGREE_LAT = 111_320;

/**
 * Whether a building stands within BUILDING_NEAR_M of a street. A spatial index picks
 * the few buildings in a generous box around the street before measuring, so a city of
 * 100,000 buildings is as quick as a town.
 */
function builtUpTest(buildings: readonly TLonLat[]): (s: TRoadSegment) => boolean {
  const index = new Flatbush(buildings.length);
  for (const [lon, lat] of buildings) index.add(lon, lat, lon, lat);
  index.finish();
  return (s) => {
    const [w, south, e, n] = bboxOf(s.coords);
    // Twice the distance, in degrees at this latitude: the exact test below decides.
    const dLat = (2 * BUILDING_NEAR_M) / M_PER_DEGREE_LAT;
    const dLon = dLat / Math.max(0.01, Math.cos((Math.max(Math.abs(south), Math.abs(n)) * Math.PI) / 180));
    return index.search(w - dLon, south - dLat, e + dLon, n + dLat).some((i) => distanceToLineM(buildings[i], s.coords) <= BUILDING_NEAR_M);
  };
}

/**
 * OSM waste baskets, topped up with generated kerbside bins spread evenly (with a
 * seeded jitter) along named, built-up streets, so the count is exactly `total` when OSM
 * has fewer.
 */
export function generateBins(osm: TOsmData, segments: readonly TRoadSegment[], random: TRandom, { total }: TBinOptions): TWasteBin[] {
  const bins: TWasteBin[] = [];
  for (const node of osm.nodes.values()) {
    if (node.tags.amenity !== "waste_basket") continue;
    const street = nearestStreetName(node.loc, segments);
    bins.push({ id: `bin-n${osmNumber(node.id)}`, ...(street ? { street } : {}), position: roundLonLat(node.loc), volumeL: OSM_BASKET_L });
  }

  const buildings = [...osm.ways.values()].filter((w) => w.tags.building && isClosedWay(w)).map((w) => ringCentroid(wayCoords(osm, w)));
  // An extract without buildings (a roads-only export) counts every named street as built up.
  const isBuiltUp = buildings.length === 0 ? () => true : builtUpTest(buildings);
  const streets = segments.filter((s) => s.name && BIN_ROAD_CLASSES.has(s.roadClass) && isBuiltUp(s));
  const totalM = streets.reduce((sum, s) => sum + s.lengthM, 0);
  const missing = Math.max(0, total - bins.length);
  if (missing === 0 || totalM === 0) return bins;

  const spacingM = totalM / missing;
  let segIndex = 0;
  let segStartM = 0;
  for (let i = 0; i < missing; i++) {
    const targetM = (i + 0.5 + random.range(-0.4, 0.4)) * spacingM;
    while (segIndex < streets.length - 1 && segStartM + streets[segIndex].lengthM < targetM) {
      segStartM += streets[segIndex].lengthM;
      segIndex++;
    }
    const seg = streets[segIndex];
    const { position, bearing } = pointAlong(seg.coords, targetM - segStartM);
    const side = random.chance(0.5) ? 90 : -90;
    bins.push({
      id: `bin-${String(i + 1).padStart(3, "0")}`,
      street: seg.name,
      position: roundLonLat(destination(position, bearing + side, KERB_OFFSET_M)),
      volumeL: random.pick(GENERATED_VOLUMES_L),
    });
  }
  return bins;
}
