/**
 * npm run bench:history — prints p50/p95 latency of the supervisors' history queries, asserts nothing.
 * Runs against the PostgreSQL in DATABASE_URL seeded by `npm run seed:history` (1,000,000 incidents), through
 * the same functions the routes call (query parsing, keyset cursors, Prisma, row mapping; no HTTP).
 * Goals (issue 6): a history page p95 ≤ 50 ms, the KPI report over a year p95 ≤ 500 ms.
 * The KPI report keeps finished days and months in memory (server/history/kpi-range-cache.ts): it is measured
 * as supervisors meet it (cached, filtered, after an old incident changed) and with nothing cached at all.
 */
import { performance } from "node:perf_hooks";
import { ZIncidentHistoryQuery, type TIncidentHistoryPage, type TKpiQuery } from "@/lib/contracts/history";
import { createDatabase, IN_MEMORY_DATA_DIR } from "@/server/db/client";
import { CITY_TIME_ZONE } from "@/server/history/city-time-zone";
import { forgetCachedKpiCells } from "@/server/history/kpi-range-cache";
import { computeKpiReport } from "@/server/history/kpis";
import { listIncidentHistory } from "@/server/history/list-incident-history";
import { OPERATOR_IDS, TRAINEE_ID } from "@/scripts/seed-history/mix";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 3;
const PAGE_GOAL_MS = 50;
const KPI_GOAL_MS = 500;
const DEEP_PAGE = 500;
const MIN_INCIDENTS = 100_000;

const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    "bench:history measures against a seeded PostgreSQL server. For example:\n" +
      "  createdb -h 127.0.0.1 -U postgres citynerve_history\n" +
      "  export DATABASE_URL=postgres://postgres@127.0.0.1:5432/citynerve_history\n" +
      "  npm run seed:history && npm run bench:history",
  );
  process.exit(2);
}

const database = await createDatabase({ databaseUrl: url, dataDir: IN_MEMORY_DATA_DIR });
const prisma = database.prisma;
try {
  const [{ incidents, version, buffers }] = await prisma.$queryRaw<{ incidents: number; version: string; buffers: string }[]>`
    SELECT (SELECT count(*)::int FROM incidents) AS incidents, current_setting('server_version') AS version,
      current_setting('shared_buffers') AS buffers`;
  if (incidents < MIN_INCIDENTS) {
    console.error(`Only ${incidents} incidents in this database: seed it first with  npm run seed:history  (1,000,000 incidents).`);
    process.exit(2);
  }
  console.log(
    `PostgreSQL ${version} (shared_buffers ${buffers}), ${incidents.toLocaleString("en-US")} incidents; ${RUNS} timed runs per query after ${WARMUP} warm-up runs.\n`,
  );

  const page = (query: Record<string, string | number>) => () => listIncidentHistory(prisma, ZIncidentHistoryQuery.parse(query));
  const unit = (await prisma.unit.findFirst({ where: { type: "fire" }, orderBy: { id: "asc" } }))?.id ?? "unit-e-1";
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const yearOfFigures = (filter: Pick<TKpiQuery, "type"> = {}) =>
    computeKpiReport(prisma, { from: yearAgo, to: new Date().toISOString(), ...filter }, { timeZone: CITY_TIME_ZONE });
  const oldIncident = (await prisma.incident.findFirst({
    where: { createdAt: { lt: new Date(Date.now() - 182 * 86_400_000) } },
    orderBy: { createdAt: "desc" },
  }))!;

  const cases: { name: string; goalMs: number; run: () => Promise<unknown> }[] = [
    { name: "page 1, no filter (newest first)", goalMs: PAGE_GOAL_MS, run: page({}) },
    { name: "page 1, type + zone", goalMs: PAGE_GOAL_MS, run: page({ type: "trafficCollision", zone: "Central" }) },
    {
      name: "page 1, two types + zone + priority",
      goalMs: PAGE_GOAL_MS,
      run: page({ type: "fire,hazard", zone: "North", priority: "P1,P2" }),
    },
    { name: "page 1, sorted by priority", goalMs: PAGE_GOAL_MS, run: page({ sort: "priority" }) },
    { name: `page ${DEEP_PAGE}, no filter`, goalMs: PAGE_GOAL_MS, run: page({ cursor: await cursorOfPage(DEEP_PAGE, {}) }) },
    {
      name: `page ${DEEP_PAGE}, type filter`,
      goalMs: PAGE_GOAL_MS,
      run: page({ type: "medical", cursor: await cursorOfPage(DEEP_PAGE, { type: "medical" }) }),
    },
    {
      name: `page ${DEEP_PAGE}, sorted by priority`,
      goalMs: PAGE_GOAL_MS,
      run: page({ sort: "priority", cursor: await cursorOfPage(DEEP_PAGE, { sort: "priority" }) }),
    },
    { name: 'free text q="smoke"', goalMs: PAGE_GOAL_MS, run: page({ q: "smoke" }) },
    { name: 'free text q="main street"', goalMs: PAGE_GOAL_MS, run: page({ q: "main street" }) },
    { name: 'free text q="garage roof" (≈1% of rows)', goalMs: PAGE_GOAL_MS, run: page({ q: "garage roof" }) },
    { name: `unit filter (${unit})`, goalMs: PAGE_GOAL_MS, run: page({ unit }) },
    { name: `operator filter (${OPERATOR_IDS[0]}, busy)`, goalMs: PAGE_GOAL_MS, run: page({ operator: OPERATOR_IDS[0] }) },
    { name: `operator filter (${TRAINEE_ID}, few incidents)`, goalMs: PAGE_GOAL_MS, run: page({ operator: TRAINEE_ID }) },
    { name: "KPI report, one year", goalMs: KPI_GOAL_MS, run: () => yearOfFigures() },
    { name: "KPI report, one year, fire only", goalMs: KPI_GOAL_MS, run: () => yearOfFigures({ type: ["fire"] }) },
    {
      // An incident of six months ago gets a late note: its day's counter moves, and that month is read again.
      name: "KPI report, one year, after an old incident changed",
      goalMs: KPI_GOAL_MS,
      run: async () => {
        await prisma.$executeRaw`UPDATE incidents SET notes_text = notes_text WHERE id = ${oldIncident.id}::uuid`;
        return yearOfFigures();
      },
    },
    {
      // What the server avoids by reading the last year at start (warmKpiCells): nothing in memory yet.
      name: "KPI report, one year, nothing cached (first after a start)",
      goalMs: KPI_GOAL_MS,
      run: () => {
        forgetCachedKpiCells(prisma);
        return yearOfFigures();
      },
    },
  ];

  const results = [];
  for (const c of cases) {
    const timings = await measure(c.run);
    results.push({ query: c.name, p50: percentile(timings, 0.5), p95: percentile(timings, 0.95), goal: c.goalMs });
    const last = results[results.length - 1];
    console.log(`  ${c.name}: p50 ${last.p50.toFixed(1)} ms, p95 ${last.p95.toFixed(1)} ms`);
  }
  console.log();
  printTable(results);
} finally {
  await database.close();
}

/** Walks the cursor chain once (as a user paging would) and returns the cursor that opens page `n`. */
async function cursorOfPage(n: number, query: Record<string, string>): Promise<string> {
  let cursor: string | undefined;
  for (let i = 1; i < n; i++) {
    const result: TIncidentHistoryPage = await listIncidentHistory(prisma, ZIncidentHistoryQuery.parse({ ...query, cursor }));
    if (!result.nextCursor) throw new Error(`only ${i} pages for ${JSON.stringify(query)}`);
    cursor = result.nextCursor;
  }
  return cursor!;
}

async function measure(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run();
  const timings: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    timings.push(performance.now() - start);
  }
  return timings;
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function printTable(rows: { query: string; p50: number; p95: number; goal: number }[]) {
  const header = ["query", "p50 ms", "p95 ms", "goal p95 ms", "p95/goal"];
  const body = rows.map((r) => [r.query, r.p50.toFixed(1), r.p95.toFixed(1), String(r.goal), (r.p95 / r.goal).toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const row of body) console.log(line(row));
}
