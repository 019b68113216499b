import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Flatbush from "flatbush";
import createGraph from "ngraph.graph";
import { afterAll, describe, expect, it } from "vitest";
import { ZCityEvent } from "@/lib/contracts/events";
import { bboxOf, distanceToLineM, type TLonLat } from "@/lib/geo";
import { loadCityPack } from "@/server/city/load-city-pack";
import { createRoutePlanner } from "@/server/city/road-graph";
import { largestStronglyConnected } from "@/server/city/strongly-connected";
import { CitySimulator, SLOWEST_ROUND_SECONDS } from "@/server/ingest/simulator/city-simulator";
import { scratchDir } from "@/test/fixtures/osm-files";
import { buildMetro, METRO_PACK_ID } from "./build-metro";
import { checkEntities } from "./check-entities";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const scratch = scratchDir("metro");
afterAll(() => scratch.remove());
const SMALL = { segments: 2000, sensors: 4000 };
const build = (folder: string, seed = 1) => {
  const outDir = path.join(scratch.dir, folder, "city", METRO_PACK_ID);
  return { outDir, report: buildMetro({ ...SMALL, seed, outDir, log: () => {} }) };
};
const files = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));

const first = build("a");

/** Distance from a point to the nearest road segment, through an index of segment boxes. */
function distanceToRoad(segments: readonly { coords: TLonLat[] }[]): (p: TLonLat) => number {
  const index = new Flatbush(segments.length);
  for (const s of segments) index.add(...bboxOf(s.coords));
  index.finish();
  const box = 0.003; // ≈ 250–330 m here: anything nearer than the assertions' limit is inside
  return (p) =>
    Math.min(...index.search(p[0] - box, p[1] - box, p[0] + box, p[1] + box).map((i) => distanceToLineM(p, segments[i].coords)));
}

describe("buildMetro (a small one: 2,000 segments, 4,000 sensors)", () => {
  it("is deterministic: the same seed gives the same files byte for byte, another seed another city", () => {
    const again = build("b");
    expect(files(again.outDir)).toEqual(files(first.outDir));
    const other = build("c", 2);
    expect(readFileSync(path.join(other.outDir, "entities.json"), "utf8")).not.toBe(
      readFileSync(path.join(first.outDir, "entities.json"), "utf8"),
    );
  });

  it("reaches the targets: segments within 10 %, sensor entities exactly, every domain present", () => {
    const { counts, sensorEntities } = first.report;
    expect(counts.segments).toBeGreaterThan(SMALL.segments * 0.9);
    expect(counts.segments).toBeLessThan(SMALL.segments * 1.1);
    expect(sensorEntities).toBe(SMALL.sensors);
    for (const kind of ["parking", "bins", "substations", "feeders", "stations", "units"]) expect(counts[kind], kind).toBeGreaterThan(0);
    expect(counts.bins).toBeGreaterThan(counts.parking);
  });

  it("is a pack the server loads, with consistent references and every roadside entity on or near a road", async () => {
    const { entities, manifest } = await loadCityPack(METRO_PACK_ID, path.dirname(path.dirname(first.outDir)));
    expect(manifest.name).toBe("Metro City, generated");
    expect(checkEntities(entities)).toEqual([]);
    const roadDistance = distanceToRoad(entities.segments);
    const placed = [...entities.parking, ...entities.bins, ...entities.substations, ...entities.stations];
    for (const e of placed) expect(roadDistance(e.position), e.id).toBeLessThan(80);
    for (const f of entities.feeders) for (const c of f.coords.slice(1)) expect(roadDistance(c), f.id).toBeLessThan(1);
    const named = entities.segments.filter((s) => s.name).length;
    expect(named / entities.segments.length).toBeGreaterThan(0.8);
    expect(new Set(entities.segments.map((s) => s.roadClass))).toEqual(
      new Set(["trunk", "primary", "secondary", "tertiary", "residential", "service"]),
    );
  });

  it("has a road graph dispatch can use: almost all of it strongly connected, a route between every two stations", async () => {
    const { entities } = await loadCityPack(METRO_PACK_ID, path.dirname(path.dirname(first.outDir)));
    const graph = createGraph({ multigraph: true });
    for (const s of entities.segments) {
      graph.addLink(s.from, s.to);
      if (!s.oneway) graph.addLink(s.to, s.from);
    }
    expect(largestStronglyConnected(graph).size / graph.getNodesCount()).toBeGreaterThan(0.95);
    const planner = createRoutePlanner(entities.segments, () => undefined);
    for (const a of entities.stations)
      for (const b of entities.stations) expect(planner.planRoute(a.position, b.position), `${a.name} → ${b.name}`).not.toBeNull();
  });

  it("runs: the simulator reads every sensor within its slowest round, with valid events", async () => {
    const { entities } = await loadCityPack(METRO_PACK_ID, path.dirname(path.dirname(first.outDir)));
    const simulator = new CitySimulator(entities, { seed: 1, ratePerSecond: 1 });
    const start = Date.parse("2026-11-24T08:00:00Z");
    const seen = new Set<string>();
    // One second over the round: the budget is a float, its last reading may fall a hair past 120 s.
    for (let s = 1; s <= SLOWEST_ROUND_SECONDS + 1; s++)
      for (const m of simulator.step(start + s * 1000, 1000)) seen.add(ZCityEvent.parse(JSON.parse(m.value)).entityId);
    const { segments, parking, bins, substations, feeders } = entities;
    for (const e of [...segments, ...parking, ...bins, ...substations, ...feeders]) expect(seen.has(e.id), e.id).toBe(true);
  });
});

describe("npm run city:metro", () => {
  const cli = (args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/city-pack/metro.ts"), ...args], { cwd: ROOT }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("prints the build time, counts and size; exits 1 with one line for a bad option", async () => {
    const ok = await cli(["--segments", "300", "--sensors", "600", "--out", path.join(scratch.dir, "cli/metro")]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /built in \d+\.\d s; segments \d+, parking \d+, bins \d+, .* 600 sensor entities; [\d.]+ MiB on disk \(entities\.json/,
    );
    expect(ok.stdout).toContain("Serve it with CITY_PACK=metro");
    const bad = await cli(["--segments", "many"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('city:metro: --segments "many" must be a positive integer');
  });
});
