/**
 * A synthetic iD graph for tests: a SIZE×SIZE street grid (~150 m blocks) with
 * named streets running the full width, so every inner crossing is an
 * intersection, plus buildings, a fire station, a town hall, a parking lot, waste
 * baskets, an industrial area, a pond and a footway.
 */
export const FIXTURE_SIZE = 7;
const ORIGIN: [number, number] = [-85.64, 41.94];
const STEP_LON = 0.0018;
const STEP_LAT = 0.00135;

type TRaw = Record<string, { id: string; loc?: [number, number]; nodes?: string[]; tags?: Record<string, string>; members?: unknown[] }>;

export function fixtureTown(extra: (add: TAdd) => void = () => {}): TRaw {
  const graph: TRaw = {};
  let nextNode = 1;
  let nextWay = 1;
  const node = (loc: [number, number], tags?: Record<string, string>) => {
    const id = `n${nextNode++}`;
    graph[id] = { id, loc, ...(tags ? { tags } : {}) };
    return id;
  };
  const way = (nodes: string[], tags: Record<string, string>) => {
    const id = `w${nextWay++}`;
    graph[id] = { id, nodes, tags };
    return id;
  };
  const square = (lon: number, lat: number, half: number, tags: Record<string, string>) => {
    const ring = [
      node([lon - half, lat - half]),
      node([lon + half, lat - half]),
      node([lon + half, lat + half]),
      node([lon - half, lat + half]),
    ];
    return way([...ring, ring[0]], tags);
  };

  const grid: string[][] = [];
  for (let r = 0; r < FIXTURE_SIZE; r++) {
    grid.push([]);
    for (let c = 0; c < FIXTURE_SIZE; c++) grid[r].push(node([ORIGIN[0] + c * STEP_LON, ORIGIN[1] + r * STEP_LAT]));
  }
  const mid = Math.floor(FIXTURE_SIZE / 2);
  for (let r = 0; r < FIXTURE_SIZE; r++) {
    const tags: Record<string, string> =
      r === mid ? { highway: "primary", name: "Main Street" } : { highway: "residential", name: `${r + 1}th Street` };
    way(grid[r], tags);
  }
  for (let c = 0; c < FIXTURE_SIZE; c++) {
    way(
      grid.map((row) => row[c]),
      c === mid
        ? { highway: "secondary", name: "Center Avenue" }
        : { highway: "residential", name: `Avenue ${String.fromCharCode(65 + c)}` },
    );
  }
  way([grid[0][0], node([ORIGIN[0] - 0.001, ORIGIN[1] - 0.001])], { highway: "footway" });

  for (let r = 0; r < FIXTURE_SIZE - 1; r++) {
    for (let c = 0; c < FIXTURE_SIZE - 1; c++)
      square(ORIGIN[0] + (c + 0.3) * STEP_LON, ORIGIN[1] + (r + 0.3) * STEP_LAT, 0.0001, { building: "house" });
  }
  const at = (r: number, c: number): [number, number] => [ORIGIN[0] + c * STEP_LON, ORIGIN[1] + r * STEP_LAT];
  node(at(mid + 0.5, mid + 0.5), { amenity: "fire_station", name: "Fixture Fire Department" });
  node(at(mid + 0.5, mid - 0.5), { amenity: "townhall", name: "Fixture Town Hall" });
  node(at(mid + 0.1, mid + 0.2), { amenity: "waste_basket" });
  node(at(mid - 0.1, mid + 0.2), { amenity: "waste_basket" });
  square(...at(mid - 0.5, mid - 0.5), 0.0004, { amenity: "parking" });
  square(...at(1.5, FIXTURE_SIZE - 1.5), 0.0005, { landuse: "industrial" });
  const pond = square(...at(FIXTURE_SIZE - 1.5, 0.5), 0.0003, {});
  graph.r1 = {
    id: "r1",
    members: [{ id: pond, role: "outer", type: "way" }],
    tags: { type: "multipolygon", natural: "water", name: "Fixture Pond" },
  };
  extra({ node, way, square, at });
  return graph;
}

type TAdd = {
  node: (loc: [number, number], tags?: Record<string, string>) => string;
  way: (nodes: string[], tags: Record<string, string>) => string;
  square: (lon: number, lat: number, half: number, tags: Record<string, string>) => string;
  at: (r: number, c: number) => [number, number];
};
