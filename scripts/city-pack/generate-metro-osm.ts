import type { TRandom } from "@/lib/seeded-random";
import { createOsmCollector } from "./collect-osm";
import type { TOsmData, TTags } from "./read-osm";

/** Somewhere in the US Midwest, so the simulator's default time zone (America/Detroit) fits. */
const CENTER = { lon: -83.05, lat: 42.35 };
/** Block size: the street spacing of a North American grid. */
const BLOCK_M = { x: 110, y: 95 };
const M_PER_DEGREE_LAT = 111_320;
/** Lines between two arterials: a district is the square they enclose (about 1.3 km × 1.1 km). */
const DISTRICT_LINES = 12;
/** Node positions move up to this share of a block, so no street is ruler-straight. */
const JITTER = 0.12;
/** Share of residential blocks whose street is missing (a park, a dead end, a T junction). */
const GAP_PROBABILITY = 0.05;
/** Share of residential streets that bend once mid-block. */
const BEND_PROBABILITY = 0.25;
/** Downtown (one-way residential grid) is the part of the city within this share of its half-width from the centre. */
const DOWNTOWN_SHARE = 0.25;

const DISTRICT_STEMS = [
  "Ash",
  "Birch",
  "Cedar",
  "Elm",
  "Maple",
  "Oak",
  "Pine",
  "Willow",
  "Spruce",
  "Hazel",
  "Alder",
  "Linden",
  "Rose",
  "Fair",
  "Green",
  "Brook",
  "Stone",
  "Mill",
  "Clear",
  "High",
  "Red",
  "Silver",
  "Golden",
  "Spring",
  "Lake",
  "River",
  "Glen",
  "Wood",
  "Ridge",
  "Bay",
];
const DISTRICT_ENDINGS = ["field", "wood", "ton", "dale", "ford", "side", "view", "park"];
const AVENUE_NAMES = [
  "Adams",
  "Baker",
  "Carter",
  "Dover",
  "Easton",
  "Franklin",
  "Grant",
  "Harper",
  "Irving",
  "Jefferson",
  "Kent",
  "Lincoln",
  "Madison",
  "Newton",
  "Oliver",
  "Parker",
  "Quincy",
  "Russell",
  "Sherman",
  "Taylor",
  "Union",
  "Vernon",
  "Warren",
  "York",
  "Chestnut",
  "Walnut",
  "Poplar",
  "Magnolia",
  "Sycamore",
  "Hawthorn",
  "Juniper",
  "Laurel",
  "Cypress",
  "Dogwood",
  "Hickory",
  "Locust",
  "Mulberry",
  "Beech",
  "Holly",
  "Aspen",
];
const AVENUE_PREFIXES = ["", "Old ", "New ", "Upper ", "Lower "];

type TClass = "trunk" | "primary" | "secondary" | "tertiary" | "residential";

export type TMetroPlan = {
  /** Street lines each way; the lattice has lines × lines intersections. */
  lines: number;
  parkingLots: number;
  substations: number;
  stations: { police: number; fire: number; ems: number };
  fleet: { police: number; fire: number; ems: number; sanitation: number; utility: number };
};

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
};

/**
 * How big every part of a metro must be for about `segments` road segments and
 * `sensors` sensor entities in all. Each grid edge becomes one segment and each
 * parking lot's access road one more; bins take what the rest leave.
 */
export function planMetro(segments: number, sensors: number): TMetroPlan {
  const rest = Math.max(0, sensors - segments);
  const parkingLots = Math.round(rest * 0.15);
  const units = Math.max(20, Math.round(rest / 100));
  const fleet = {
    police: Math.round(units * 0.35),
    fire: Math.round(units * 0.25),
    ems: Math.round(units * 0.2),
    sanitation: Math.round(units * 0.1),
    utility: Math.round(units * 0.1),
  };
  // Two thirds of the lines are residential, of whose blocks GAP_PROBABILITY have no street.
  const keep = 1 - GAP_PROBABILITY * (2 / 3);
  const gridSegments = Math.max(8, segments - parkingLots);
  const lines = Math.max(4, Math.round((1 + Math.sqrt(1 + (2 * gridSegments) / keep)) / 2));
  return {
    lines,
    parkingLots: Math.min(parkingLots, Math.floor(((lines - 1) * (lines - 1)) / 2)),
    substations: Math.max(4, Math.round(rest / 250)),
    stations: { police: Math.ceil(fleet.police / 8), fire: Math.ceil(fleet.fire / 4), ems: Math.ceil(fleet.ems / 4) },
    fleet,
  };
}

function lineClass(k: number, lines: number): TClass {
  const middle = Math.round((lines - 1) / 2 / DISTRICT_LINES) * DISTRICT_LINES;
  if (k % DISTRICT_LINES === 0 || k === lines - 1) return k === middle ? "trunk" : "primary";
  if (k % DISTRICT_LINES === DISTRICT_LINES / 2) return "secondary";
  return k % 3 === 0 ? "tertiary" : "residential";
}

function rowName(k: number, cls: TClass): string {
  return cls === "trunk" ? "Crosstown Expressway" : `${ordinal(k + 1)} Street`;
}

function columnName(k: number, cls: TClass): string {
  if (cls === "trunk") return "Central Expressway";
  const base = `${AVENUE_PREFIXES[Math.floor(k / AVENUE_NAMES.length) % AVENUE_PREFIXES.length]}${AVENUE_NAMES[k % AVENUE_NAMES.length]}`;
  return `${base} ${cls === "primary" ? "Boulevard" : cls === "residential" ? "Drive" : "Avenue"}`;
}

function districtName(index: number): string {
  const combos = DISTRICT_STEMS.length * DISTRICT_ENDINGS.length;
  // Stride through the combinations so neighbouring districts do not share a stem.
  const combo = (index * 7) % combos;
  const name = `${DISTRICT_STEMS[combo % DISTRICT_STEMS.length]}${DISTRICT_ENDINGS[Math.floor(combo / DISTRICT_STEMS.length)]}`;
  return index < combos ? name : `${name} ${Math.floor(index / combos) + 1}`;
}

/**
 * A generated metro as OpenStreetMap data, for the same pack build as a real
 * extract: a lattice of districts bounded by arterials (a trunk expressway through
 * the middle each way), collectors every few blocks, residential grids with bends,
 * gaps and dead ends, a one-way downtown, one building per block, parking lots
 * with their access roads, and named substations, police, fire and hospital sites
 * spread over the districts. Seeded: the same plan and random give the same data.
 */
export function generateMetroOsm(plan: TMetroPlan, random: TRandom): TOsmData {
  const { lines } = plan;
  const collector = createOsmCollector();
  const dLat = BLOCK_M.y / M_PER_DEGREE_LAT;
  const dLon = BLOCK_M.x / (M_PER_DEGREE_LAT * Math.cos((CENTER.lat * Math.PI) / 180));
  const origin = { lon: CENTER.lon - ((lines - 1) / 2) * dLon, lat: CENTER.lat - ((lines - 1) / 2) * dLat };
  let nextNode = 1;
  let nextWay = 1;
  const node = (lon: number, lat: number, tags: TTags = {}) => {
    const id = nextNode++;
    collector.add({ type: "node", id, lon: Math.round(lon * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7, tags });
    return id;
  };
  const way = (refs: number[], tags: TTags) => collector.add({ type: "way", id: nextWay++, refs, tags });
  /** Position of a point `u` columns and `v` rows from the south-west corner. */
  const at = (u: number, v: number): [number, number] => [origin.lon + u * dLon, origin.lat + v * dLat];
  const square = (u: number, v: number, halfX: number, halfY: number, tags: TTags) => {
    const ring = [
      node(...at(u - halfX, v - halfY)),
      node(...at(u + halfX, v - halfY)),
      node(...at(u + halfX, v + halfY)),
      node(...at(u - halfX, v + halfY)),
    ];
    way([...ring, ring[0]], tags);
  };

  const grid = Array.from({ length: lines }, (_, r) =>
    Array.from({ length: lines }, (_, c) => node(...at(c + random.range(-JITTER, JITTER), r + random.range(-JITTER, JITTER)))),
  );
  const districtsPerSide = Math.ceil((lines - 1) / DISTRICT_LINES);
  const districtOf = (u: number, v: number) =>
    Math.min(districtsPerSide - 1, Math.floor(v / DISTRICT_LINES)) * districtsPerSide +
    Math.min(districtsPerSide - 1, Math.floor(u / DISTRICT_LINES));
  const isDowntown = (u: number, v: number) =>
    Math.max(Math.abs(u - (lines - 1) / 2), Math.abs(v - (lines - 1) / 2)) <= DOWNTOWN_SHARE * ((lines - 1) / 2);

  /** One street line's span across a district, cut where a block is missing; downtown residential streets alternate one way. */
  const street = (refs: number[], cls: TClass, name: string, k: number, midOf: (i: number) => [number, number]) => {
    const oneway = cls === "residential" && isDowntown(...midOf(Math.floor(refs.length / 2)));
    const tags: TTags = { highway: cls, name, ...(oneway ? { oneway: "yes" } : {}) };
    let piece: number[] = [refs[0]];
    const flush = () => {
      if (piece.length >= 2) way(oneway && k % 2 === 1 ? [...piece].reverse() : piece, tags);
    };
    for (let i = 1; i < refs.length; i++) {
      if (cls === "residential" && !oneway && random.chance(GAP_PROBABILITY)) {
        flush();
        piece = [refs[i]];
        continue;
      }
      if (cls === "residential" && random.chance(BEND_PROBABILITY)) {
        const [u, v] = midOf(i - 0.5);
        const [bu, bv] = [random.range(-0.12, 0.12), random.range(-0.12, 0.12)];
        piece.push(node(...at(u + bu, v + bv)));
      }
      piece.push(refs[i]);
    }
    flush();
  };
  for (let k = 0; k < lines; k++) {
    const cls = lineClass(k, lines);
    for (let from = 0; from < lines - 1; from += DISTRICT_LINES) {
      const to = Math.min(lines - 1, from + DISTRICT_LINES);
      const span = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      street(
        span.map((c) => grid[k][c]),
        cls,
        rowName(k, cls),
        k,
        (i) => [from + i, k],
      );
      street(
        span.map((r) => grid[r][k]),
        cls,
        columnName(k, cls),
        k,
        (i) => [k, from + i],
      );
    }
  }

  const names = Array.from({ length: districtsPerSide * districtsPerSide }, (_, i) => districtName(i));
  for (let i = 0; i < names.length; i++) {
    const [u, v] = [(i % districtsPerSide) * DISTRICT_LINES, Math.floor(i / districtsPerSide) * DISTRICT_LINES];
    const size = Math.min(DISTRICT_LINES, lines - 1 - Math.max(u, v));
    const landuse = i % 9 === 4 ? "industrial" : isDowntown(u + size / 2, v + size / 2) ? "commercial" : "residential";
    square(u + size / 2, v + size / 2, size / 2, size / 2, { landuse, name: names[i] });
  }

  // Blocks: a parking lot with its access road, a park, or a building.
  const blocks = (lines - 1) * (lines - 1);
  const lotBlocks = new Set<number>();
  while (lotBlocks.size < plan.parkingLots) lotBlocks.add(random.int(blocks));
  const lotsInDistrict = new Map<number, number>();
  for (let b = 0; b < blocks; b++) {
    const [c, r] = [b % (lines - 1), Math.floor(b / (lines - 1))];
    const [u, v] = [c + 0.5 + random.range(-0.1, 0.1), r + 0.5 + random.range(-0.1, 0.1)];
    if (lotBlocks.has(b)) {
      const district = districtOf(u, v);
      const n = (lotsInDistrict.get(district) ?? 0) + 1;
      lotsInDistrict.set(district, n);
      square(u, v, random.range(0.12, 0.28), random.range(0.12, 0.22), { amenity: "parking", name: `${names[district]} Lot ${n}` });
      const [cu, cv] = [random.chance(0.5) ? c : c + 1, random.chance(0.5) ? r : r + 1];
      way([grid[cv][cu], node(...at(u, v))], { highway: "service", service: "parking_aisle" });
    } else if (random.chance(0.03)) {
      square(u, v, 0.3, 0.3, { leisure: "park", name: `${names[districtOf(u, v)]} Park` });
    } else {
      const half = isDowntown(u, v) ? 0.25 : 0.09;
      square(u, v, half, half * 1.1, { building: isDowntown(u, v) ? "commercial" : "house" });
    }
  }

  // Civic sites, spread evenly over the districts, set back from a street corner.
  const sites = (count: number, offset: number, tags: (name: string, i: number) => TTags) => {
    const perDistrict = Math.ceil(count / names.length);
    for (let i = 0; i < count; i++) {
      const d = Math.floor(((i + 0.5) * names.length) / count);
      const [u, v] = [(d % districtsPerSide) * DISTRICT_LINES, Math.floor(d / districtsPerSide) * DISTRICT_LINES];
      const size = Math.min(DISTRICT_LINES, lines - 1 - Math.max(u, v));
      const slot = perDistrict > 1 ? i % perDistrict : 0;
      node(...at(u + size * offset + slot + 0.3, v + size * offset + 0.3), tags(names[d], slot));
    }
  };
  const numbered = (name: string, slot: number) => (slot > 0 ? `${name} ${slot + 1}` : name);
  sites(plan.substations, 0.25, (name, slot) => ({ power: "substation", name: numbered(`${name} Substation`, slot) }));
  sites(plan.stations.police, 0.5, (name, slot) => ({ amenity: "police", name: numbered(`${name} Police Station`, slot) }));
  sites(plan.stations.fire, 0.4, (name, slot) => ({ amenity: "fire_station", name: numbered(`${name} Fire Station`, slot) }));
  sites(plan.stations.ems, 0.6, (name, slot) => ({ amenity: "hospital", name: numbered(`${name} Hospital`, slot) }));
  node(...at((lines - 1) / 2 + 0.4, (lines - 1) / 2 + 0.4), { amenity: "townhall", name: "City Hall" });
  return collector.finish();
}
