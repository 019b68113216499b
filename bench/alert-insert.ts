/**
 * npm run bench:alert-insert — what writing an alarm storm's opens costs the Node event loop on embedded PGlite
 * (WASM on the main thread: every statement blocks the loop while it runs). Asserts nothing; prints a table.
 *
 * BENCH_ALERTS (1,000) `open` signals go through persistSignals in one batch, as the signal queue hands them over,
 * into a fresh in-memory PGlite, twice per round with fresh dedup keys: all in one chunk (as it was: one INSERT, the
 * whole transaction one stretch without a turn of the loop; the old per-row audit inserts were no different in that),
 * and in chunks of BENCH_CHUNK (100) rows with a turn of the event loop between chunks (server/alerts/persist-signals.ts).
 * The two runs alternate, BENCH_ROUNDS (5) times, so load on the machine hits both alike; medians are printed.
 * Longest stall: the max of perf_hooks.monitorEventLoopDelay (10 ms resolution) while the batch is written, i.e. the
 * longest stretch a socket, timer or HTTP request had to wait for the loop.
 *
 * Env: BENCH_ALERTS (1000), BENCH_CHUNK (100), BENCH_ROUNDS (5).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { TAlertSignal } from "../lib/contracts/rules";
import { persistSignals } from "../server/alerts/persist-signals";
import { createDatabase, IN_MEMORY_DATA_DIR } from "../server/db/client";
import { openSignal } from "../test/fixtures/open-signal";

const ALERTS = Number(process.env.BENCH_ALERTS ?? 1_000);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RESOLUTION_MS = 10;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const stormSignals = (round: string): TAlertSignal[] =>
  Array.from({ length: ALERTS }, (_, i) => openSignal({ entityId: `storm-bin-${i + 1}`, dedupKey: `bench:${round}:${i}` }));

type TRun = { stallMs: number; wallMs: number; raised: number };

const db = await createDatabase({ dataDir: IN_MEMORY_DATA_DIR });
try {
  const write = async (chunk: number, round: string): Promise<TRun> => {
    let raised = 0;
    const deps = {
      prisma: db.prisma,
      ruleName: () => "Bin burning",
      locate: () => ({ lon: -85.63, lat: 41.94, zone: "Downtown" }),
      onRaised: (n: number) => void (raised = n),
      chunkSize: chunk,
    };
    const signals = stormSignals(round);
    const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    delay.enable();
    // The monitor records from its second tick on: a stall starting at once would go unseen.
    await new Promise((resolve) => setTimeout(resolve, 2 * RESOLUTION_MS));
    const start = performance.now();
    await persistSignals(deps, signals);
    const wallMs = performance.now() - start;
    // A loop blocked to the end records its last delay only when the monitor's timer next runs.
    await new Promise((resolve) => setTimeout(resolve, 2 * RESOLUTION_MS));
    delay.disable();
    return { stallMs: delay.max / 1e6, wallMs, raised };
  };
  await write(CHUNK, "warm-up"); // JIT, PGlite's caches
  const runs = { whole: [] as TRun[], chunked: [] as TRun[] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.whole.push(await write(Number.POSITIVE_INFINITY, `whole-${round}`));
    runs.chunked.push(await write(CHUNK, `chunked-${round}`));
  }
  const figure = (list: TRun[], key: keyof TRun) => median(list.map((r) => r[key]));
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const rows = [
    ["longest event-loop stall", ms(figure(runs.whole, "stallMs")), ms(figure(runs.chunked, "stallMs"))],
    ["wall time of the batch", ms(figure(runs.whole, "wallMs")), ms(figure(runs.chunked, "wallMs"))],
    ["alerts raised (each run)", String(figure(runs.whole, "raised")), String(figure(runs.chunked, "raised"))],
  ];
  const stallRatio = figure(runs.whole, "stallMs") / figure(runs.chunked, "stallMs");
  const header = ["", "all in one chunk (before)", `chunks of ${CHUNK} (after)`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log(`\n${ALERTS} alerts opened at once on PGlite (in memory), median of ${ROUNDS} alternating rounds`);
  console.log(header.map((h, i) => h.padEnd(widths[i])).join("  "));
  for (const row of rows) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
  console.log(`stall ratio before/after: ${stallRatio.toFixed(1)}×`);
} finally {
  await db.close();
}
