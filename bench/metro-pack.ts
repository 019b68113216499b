/**
 * npm run bench:metro-pack — prints figures, asserts nothing.
 * Builds the full-size generated metro (50,000 road segments, 100,000 sensor entities, seed 1; as
 * `npm run city:metro`) into a scratch folder and prints its build time, counts and size on disk, then
 * what the server does with it at start: read and validate the pack, build the simulator and the route
 * planner, the share of street nodes in its largest strongly connected part (where dispatch snaps), one
 * simulated second, routes between stations, and the heap they hold.
 *   BENCH_SEGMENTS, BENCH_SENSORS, BENCH_SEED: another size or seed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import createGraph from "ngraph.graph";
import { loadCityPack } from "@/server/city/load-city-pack";
import { createRoutePlanner } from "@/server/city/road-graph";
import { largestStronglyConnected } from "@/server/city/strongly-connected";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { buildMetro, METRO_PACK_ID } from "@/scripts/city-pack/build-metro";
import { formatMetroReport } from "@/scripts/city-pack/format-metro-report";

const segments = Number(process.env.BENCH_SEGMENTS ?? 50_000);
const sensors = Number(process.env.BENCH_SENSORS ?? 100_000);
const seed = Number(process.env.BENCH_SEED ?? 1);
const scratch = mkdtempSync(path.join(tmpdir(), "bench-metro-"));

const timed = <T>(f: () => T): [T, number] => {
  const start = performance.now();
  return [f(), performance.now() - start];
};
const ms = (v: number) => `${v.toFixed(0)} ms`;
const heapMiB = () => {
  global.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

try {
  const report = buildMetro({ segments, sensors, seed, outDir: path.join(scratch, "city", METRO_PACK_ID), log: () => {} });
  console.log(`metro pack (${segments.toLocaleString("en-US")} segments, ${sensors.toLocaleString("en-US")} sensors asked, seed ${seed}):`);
  console.log(`  ${formatMetroReport(report)}`);

  const heapBefore = heapMiB();
  const loadStart = performance.now();
  const { entities } = await loadCityPack(METRO_PACK_ID, scratch);
  const loadMs = performance.now() - loadStart;
  const [simulator, simulatorMs] = timed(() => new CitySimulator(entities, { seed: 1, ratePerSecond: 500, malformedRatio: 0 }));
  const [planner, plannerMs] = timed(() => createRoutePlanner(entities.segments, () => undefined));
  const start = Date.parse("2026-11-24T08:00:00Z");
  const [messages, secondMs] = timed(() => Array.from({ length: 10 }, (_, i) => simulator.step(start + (i + 1) * 100, 100)).flat());
  const stations = entities.stations;
  const pairs = Array.from({ length: 20 }, (_, i) => [stations[i % stations.length], stations[(i * 7 + 3) % stations.length]] as const);
  const routeMs = pairs.map(([a, b]) => timed(() => planner.planRoute(a.position, b.position))[1]).sort((a, b) => a - b);
  const heapAfter = heapMiB();
  const directed = createGraph({ multigraph: true });
  for (const s of entities.segments) {
    directed.addLink(s.from, s.to);
    if (!s.oneway) directed.addLink(s.to, s.from);
  }
  const connectedShare = largestStronglyConnected(directed).size / directed.getNodesCount();

  console.log("server start-up work on it:");
  console.log(`  read + validate pack.json and entities.json: ${ms(loadMs)}`);
  console.log(`  simulator (models, rotation of every sensor): ${ms(simulatorMs)}`);
  console.log(`  route planner (graph, largest strongly connected part, index): ${ms(plannerMs)}`);
  console.log(`  street nodes in the largest strongly connected part: ${(connectedShare * 100).toFixed(1)} %`);
  console.log(`  one simulated second (10 ticks, ${messages.length} messages): ${ms(secondMs)}`);
  console.log(
    `  route between two stations across the city: median ${ms(routeMs[routeMs.length >> 1])}, max ${ms(routeMs[routeMs.length - 1])}`,
  );
  console.log(
    `  heap held by pack + simulator + planner: ${(heapAfter - heapBefore).toFixed(0)} MiB${global.gc ? "" : " (run with node --expose-gc for a settled figure)"}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
