/**
 * Socket fan-out with realistic deltas: the simulator's city at SIM_RATE events/s, deltas every 100 ms
 * (10 Hz), every client subscribed to every layer. Run 1: one instance with CLIENTS clients. Run 2: two
 * instances with CLIENTS each (what a second instance behind the load balancer buys: each holds the whole
 * city and flushes its own deltas, so fan-out does not cross Redis). Prints ingest → client latency p50/p99
 * and CPU per instance for both, and their ratios. Instances and client generators are separate processes
 * (bench/fanout/*.ts); on a small machine they share its cores, which the figures include.
 *
 *   npm run bench:fanout [-- <clients per instance, default 1000> <seconds measured, default 15>]
 */
import { type TClusterProcess, spawnTsx } from "@/test/fixtures/cluster-processes";
import { waitFor } from "@/test/wait-for";

const CLIENTS = Number(process.argv[2] ?? 1000);
const SECONDS = Number(process.argv[3] ?? 15);
const WARM_UP_SECONDS = 5;
const SIM_RATE = process.env.SIM_RATE ?? "500";

type TReport = { clients: number; frames: number; bytes: number; samples: number; p50: number; p99: number };
type TRunResult = {
  instances: number;
  clientsPerInstance: number;
  p50: number;
  p99: number;
  cpuPercent: number[];
  framesPerSecond: number;
  kbPerFrame: number;
};

const lineValue = (process: TClusterProcess, prefix: string) =>
  process
    .output()
    .split("\n")
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length));

async function until<T>(what: string, read: () => T | undefined, timeoutMs = 300_000): Promise<T> {
  let value: T | undefined;
  await waitFor(() => (value = read()) !== undefined, what, timeoutMs);
  return value as T;
}

async function run(instanceCount: number): Promise<TRunResult> {
  const instances = Array.from({ length: instanceCount }, () => spawnTsx("bench/fanout/instance.ts", [], { SIM_RATE }));
  const ports = await Promise.all(instances.map((i) => until("instance listening", () => lineValue(i, "FANOUT_INSTANCE ")[0])));
  const generators = ports.map((port) => spawnTsx("bench/fanout/clients.ts", [`http://127.0.0.1:${port}`, String(CLIENTS)], {}));
  for (const g of generators) await until(`${CLIENTS} clients subscribed`, () => lineValue(g, "CONNECTED ")[0]);
  await new Promise((resolve) => setTimeout(resolve, WARM_UP_SECONDS * 1000)); // settle after the snapshots
  for (const g of generators) g.child.stdin?.write("start\n");
  const cpuBefore = instances.map((i) => lineValue(i, "CPU ").length);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000)); // the measured window
  const cpuPercent = instances.map((i, n) => {
    const seconds = lineValue(i, "CPU ").slice(cpuBefore[n]).map(Number);
    return seconds.reduce((a, b) => a + b, 0) / seconds.length / 10;
  });
  for (const g of generators) g.child.stdin?.write("report\n");
  const reports = await Promise.all(
    generators.map((g) => until("report", () => lineValue(g, "REPORT ")[0]).then((l) => JSON.parse(l) as TReport)),
  );
  await Promise.all([...generators, ...instances].map((p) => p.stop()));
  const frames = reports.reduce((a, r) => a + r.frames, 0);
  return {
    instances: instanceCount,
    clientsPerInstance: Math.min(...reports.map((r) => r.clients)),
    p50: Math.max(...reports.map((r) => r.p50)),
    p99: Math.max(...reports.map((r) => r.p99)),
    cpuPercent,
    framesPerSecond: frames / SECONDS,
    kbPerFrame: reports.reduce((a, r) => a + r.bytes, 0) / frames / 1024,
  };
}

/** Issue 16 P3: 1,000 clients on one instance, p99 delivery within 250 ms. */
const P99_GOAL_MS = 250;

function describe(r: TRunResult): string {
  return (
    `${r.instances} instance(s) × ${r.clientsPerInstance} clients: latency p50 ${r.p50} ms, p99 ${r.p99} ms; ` +
    `(goal p99 ≤ ${P99_GOAL_MS} ms: ×${(r.p99 / P99_GOAL_MS).toFixed(2)}); ` +
    `CPU per instance ${r.cpuPercent.map((c) => `${c.toFixed(0)} %`).join(", ")}, ` +
    // A percent of one core is 10 ms of CPU per second.
    `per client ${r.cpuPercent.map((c) => `${((c * 10) / r.clientsPerInstance).toFixed(3)} ms/s`).join(", ")}; ` +
    `${r.framesPerSecond.toFixed(0)} delta frames/s received, ${r.kbPerFrame.toFixed(1)} KiB each`
  );
}

const one = await run(1);
console.log(describe(one));
const two = await run(2);
console.log(describe(two));
const meanCpu = (r: TRunResult) => r.cpuPercent.reduce((a, b) => a + b, 0) / r.cpuPercent.length;
console.log(
  `ratio two/one: p50 ×${(two.p50 / one.p50).toFixed(2)}, p99 ×${(two.p99 / one.p99).toFixed(2)}, ` +
    `CPU per instance ×${(meanCpu(two) / meanCpu(one)).toFixed(2)}, clients served ×${((two.clientsPerInstance * 2) / one.clientsPerInstance).toFixed(2)}`,
);
console.log(
  `(simulator ${SIM_RATE} events/s per instance, deltas every 100 ms, ${SECONDS} s measured after ${WARM_UP_SECONDS} s warm-up; ${(await import("node:os")).cpus().length} cores)`,
);
process.exit(0);
