import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ZCityEvent } from "@/lib/contracts/events";
import { loadCityPack } from "@/server/city/load-city-pack";
import { createRoutePlanner } from "@/server/city/road-graph";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { writeGridCity } from "@/test/fixtures/osm-grid-city";
import { GOTHENBURG_GEOJSON, scratchDir, THREE_RIVERS_PBF } from "@/test/fixtures/osm-files";
import { toOsmXml } from "@/test/fixtures/osm-xml";
import { checkEntities } from "./check-entities";
import { importCity, type TImportCityOptions } from "./import-city";
import { OsmInputError } from "./osm-input-error";
import { readOsmFile } from "./read-osm-file";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const COMMITTED = path.join(ROOT, "public/city/three-rivers");
const scratch = scratchDir("import-city");
afterAll(() => scratch.remove());
const run = (o: Partial<TImportCityOptions> & Pick<TImportCityOptions, "osmFile" | "name">) =>
  importCity({ publicDir: path.join(scratch.dir, "public"), log: () => {}, ...o });

async function importError(o: Parameters<typeof run>[0]): Promise<string> {
  const error = await run(o).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OsmInputError);
  return (error as Error).message;
}

function expectSameFiles(dir: string, expected: string) {
  expect(readdirSync(dir).sort()).toEqual(readdirSync(expected).sort());
  for (const name of readdirSync(expected))
    expect(readFileSync(path.join(dir, name), "utf8"), name).toBe(readFileSync(path.join(expected, name), "utf8"));
}

describe("importCity: Three Rivers against the committed pack", () => {
  it("rebuilds public/city/three-rivers byte for byte from the .osm.pbf", async () => {
    const { id, outDir } = await run({ osmFile: THREE_RIVERS_PBF, name: "Three Rivers, Michigan" });
    expect(id).toBe("three-rivers");
    expect(outDir).toBe(path.join(scratch.dir, "public/city/three-rivers"));
    expectSameFiles(outDir, COMMITTED);
  });

  it("rebuilds it byte for byte from OSM XML too", async () => {
    const xml = scratch.write("three-rivers.osm", toOsmXml(await readOsmFile(THREE_RIVERS_PBF, { log: () => {} })));
    const { outDir } = await run({ osmFile: xml, name: "Three Rivers, Michigan", outDir: path.join(scratch.dir, "from-xml/three-rivers") });
    expectSameFiles(outDir, COMMITTED);
  });
});

describe("importCity: another real city (Gothenburg roads, GeoJSON)", () => {
  it("builds a pack the server loads, with generated assets named after the city", async () => {
    const publicDir = path.join(scratch.dir, "gothenburg-public");
    const { id, summary } = await run({ osmFile: GOTHENBURG_GEOJSON, name: "Göteborg, Sweden", publicDir });
    expect(id).toBe("goteborg");
    const { manifest, entities } = await loadCityPack(id, publicDir);
    expect(manifest.name).toBe("Göteborg, Sweden");
    expect(checkEntities(entities)).toEqual([]);
    // Measured on this extract: roads only, so no parking, and bins along every named street.
    expect(summary).toMatch(/^segments 1613, parking 0, bins 250, substations 4, feeders 14, stations 5, units 20 \(\d+ KiB\)$/);
    expect(entities.segments.find((s) => s.id.startsWith("seg-13862705-"))?.name).toBe("Kungsportsavenyen");
    expect(entities.stations.map((s) => s.name)).toContain("Göteborg Police Department");
    const [w, s, e, n] = manifest.bounds;
    expect([w > 11.94, s > 57.69, e < 11.995, n < 57.715]).toEqual([true, true, true, true]);
    for (const file of ["roads.geojson", "buildings.geojson", "water.geojson", "landuse.geojson", "pois.geojson", "style.json"])
      expect(existsSync(path.join(publicDir, "city", id, file)), file).toBe(true);
  });

  it("runs: dispatch routes between every two stations, and the simulator feeds every layer valid events", async () => {
    const publicDir = path.join(scratch.dir, "gothenburg-runs");
    const { id } = await run({ osmFile: GOTHENBURG_GEOJSON, name: "Göteborg, Sweden", publicDir });
    const { entities } = await loadCityPack(id, publicDir);
    const planner = createRoutePlanner(entities.segments, () => undefined);
    for (const a of entities.stations)
      for (const b of entities.stations) expect(planner.planRoute(a.position, b.position), `${a.name} → ${b.name}`).not.toBeNull();

    const simulator = new CitySimulator(entities, { seed: 1, ratePerSecond: 200 });
    const start = Date.parse("2026-11-24T08:00:00Z");
    const events = Array.from({ length: 30 }, (_, i) => simulator.step(start + (i + 1) * 1000, 1000))
      .flat()
      .map((m) => ZCityEvent.parse(JSON.parse(m.value)));
    const known = new Set(Object.values(entities).flatMap((list: { id: string }[]) => list.map((e) => e.id)));
    for (const e of events) expect(known.has(e.entityId), e.entityId).toBe(true);
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(["TrafficFlowObserved", "WasteContainer", "EnergyMeasurement", "UnitPosition"]),
    );
  });

  it("clips to a bbox: only the streets through the box", async () => {
    const bbox: [number, number, number, number] = [11.96, 57.7, 11.975, 57.708];
    const { outDir } = await run({ osmFile: GOTHENBURG_GEOJSON, name: "Inom Vallgraven, Göteborg", bbox });
    const entities = JSON.parse(readFileSync(path.join(outDir, "entities.json"), "utf8"));
    expect(entities.segments.length).toBeGreaterThan(100);
    expect(entities.segments.length).toBeLessThan(1613);
  });
});

describe("importCity on a big generated city", () => {
  it("shows its progress in steps of 10% and cuts every street at every crossing", async () => {
    const file = path.join(scratch.dir, "grid.osm");
    const { segments } = writeGridCity(file, 85);
    const lines: string[] = [];
    const { summary } = await run({ osmFile: file, name: "Grid City", log: (l) => lines.push(l) });
    const progress = lines.filter((l) => l.startsWith(`reading ${file}: `));
    // One line per 10% step, printed at the first 64 KiB chunk past it.
    const percents = progress.map((l) => Number(l.match(/: (\d+)%/)?.[1]));
    expect(percents.map((p) => Math.floor(p / 10))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(progress.at(-1)).toMatch(/100% \(5\.\d of 5\.\d MiB, [\d,]+ elements\)$/);
    expect(summary).toMatch(new RegExp(`^segments ${segments}, parking 0, bins 250, `));
  });
});

describe("importCity refuses", () => {
  it("GeoJSON without roads", async () => {
    const bench = { type: "Feature", geometry: { type: "Point", coordinates: [11.97, 57.7] }, properties: { amenity: "bench" } };
    const file = scratch.write("benches.geojson", JSON.stringify({ type: "FeatureCollection", features: [bench] }));
    expect(await importError({ osmFile: file, name: "Benchville" })).toBe(
      `no drivable roads (highway=motorway…service) in ${file}: a city pack needs its street network`,
    );
  });

  it("a bbox over the data that holds no roads", async () => {
    const bbox: [number, number, number, number] = [-85.6, 41.99, -85.5999, 41.9901];
    expect(await importError({ osmFile: THREE_RIVERS_PBF, name: "Field", bbox })).toBe(
      `no drivable roads (highway=motorway…service) inside bbox -85.6,41.99,-85.5999,41.9901 of ${THREE_RIVERS_PBF}: a city pack needs its street network`,
    );
  });

  it("to replace an existing pack without --force, and a name that makes no pack id", async () => {
    const outDir = path.join(scratch.dir, "twice/three-rivers");
    await run({ osmFile: THREE_RIVERS_PBF, name: "Three Rivers, Michigan", outDir });
    expect(await importError({ osmFile: THREE_RIVERS_PBF, name: "Three Rivers, Michigan", outDir })).toBe(
      `${outDir} already exists: pass --force to replace it, or --out another folder`,
    );
    await run({ osmFile: THREE_RIVERS_PBF, name: "Three Rivers, Michigan", outDir, isForced: true });
    expect(await importError({ osmFile: THREE_RIVERS_PBF, name: "東京" })).toMatch(
      /^pack id "" must be lower-case letters, digits and dashes: pass one with --id/,
    );
  });
});

describe("npm run city:import", () => {
  const cli = (args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/city-pack/import.ts"), ...args], { cwd: ROOT }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("exits 1 with one line naming the file for a truncated PBF", async () => {
    const file = scratch.truncated("cut.osm.pbf", THREE_RIVERS_PBF, 20_000);
    const { code, stderr } = await cli(["--osm", file, "--name", "Cut", "--out", path.join(scratch.dir, "cli-cut/cut")]);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n").at(-1)).toBe(
      `city:import: ${file} is truncated or not a valid OSM PBF file (input format error, after 0 elements and 20,000 bytes)`,
    );
  });

  it("exits 1 for a bad bbox and for missing options, 0 for a good import", async () => {
    expect((await cli(["--osm", THREE_RIVERS_PBF, "--name", "X", "--bbox", "1,2,3"])).stderr).toMatch(
      /^city:import: --bbox "1,2,3": needs four numbers/,
    );
    expect((await cli(["--osm", THREE_RIVERS_PBF])).code).toBe(1);
    const ok = await cli([
      "--osm",
      THREE_RIVERS_PBF,
      "--name",
      "Three Rivers, Michigan",
      "--out",
      path.join(scratch.dir, "cli-ok/three-rivers"),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("segments 494, parking 38, bins 250, substations 4, feeders 15, stations 5, units 20");
    expect(ok.stdout).toContain("Copy the folder to public/city/three-rivers/ and set CITY_PACK=three-rivers");
    expect(ok.stderr).toContain("building the city pack from 185 drivable ways");
  });
});
