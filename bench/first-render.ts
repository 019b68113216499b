/**
 * npm run bench:first-render — how long the control room's live map takes to become ready, and what it downloads.
 * Asserts nothing; prints one line per run and the medians.
 *
 * Runs against a server that is already up (a production build, so the figures mean what users and CI meet):
 *   NEXT_PUBLIC_TEST_HOOKS=1 npx next build
 *   PORT=3300 DATA_DIR=.data/fr NODE_ENV=production npx tsx server.ts &
 *   until curl -sf http://127.0.0.1:3300/api/health; do sleep 1; done
 *   BENCH_URL=http://127.0.0.1:3300 BENCH_RUNS=5 npm run bench:first-render
 *
 * Each run starts a fresh Chromium (the one the browser tests use, with playwright.config.ts's launch arguments:
 * software WebGL through SwiftShader) and a fresh context (cold HTTP cache), signed in as the demo operator, opens
 * `/` and waits for `data-ready="true"` on the map. Times are milliseconds since navigation start, from resource
 * timing (documents, fetches) and the `citynerve:*` performance marks the app sets on its way to the first render
 * (components/map/first-render-marks.ts). Bytes are what went over the wire (encoded), by resource type, including
 * MapLibre's worker. "main" is the page's main-thread busy time (CDP Performance.TaskDuration) until ready.
 *
 * Env: BENCH_URL (default http://127.0.0.1:3300), BENCH_RUNS (5), BENCH_VIEWPORT ("1280x720"), BENCH_WATERFALL=1 (print the last run's resources and marks in time order),
 * BENCH_PROFILE=<file.cpuprofile> (one extra run with the V8 CPU profiler on, written there; open it in Chrome DevTools),
 * BENCH_TRACE=<file.json> (one extra run with a Chromium performance trace, for DevTools' Performance panel).
 */
import { writeFile } from "node:fs/promises";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import config from "../playwright.config";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../e2e/fixtures/auth";

const BASE_URL = process.env.BENCH_URL ?? "http://127.0.0.1:3300";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const [VIEWPORT_WIDTH, VIEWPORT_HEIGHT] = (process.env.BENCH_VIEWPORT ?? "1280x720").split("x").map(Number);
const READY_TIMEOUT_MS = 120_000;
const EXECUTABLE_PATH = config.use?.launchOptions?.executablePath ?? "/usr/bin/chromium";
const LAUNCH_ARGS = config.use?.launchOptions?.args ?? [];

/** Columns, in the order a load normally reaches them. */
const STEPS = [
  "document",
  "dcl",
  "load",
  "api-city",
  "map-module",
  "map-created",
  "style-json",
  "style-loaded",
  "entities-json",
  "entities-indexed",
  "socket-connected",
  "first-snapshot",
  "first-layers",
  "ready",
  "first-frame",
] as const;
type TStep = (typeof STEPS)[number];

type TRun = {
  times: Partial<Record<TStep, number>>;
  /** Encoded bytes by resource type. */
  bytes: Record<string, number>;
  requests: number;
  mainThreadMs: number;
  scriptMs: number;
  wallMs: number;
  biggestScripts: { url: string; bytes: number }[];
  /** Page resources and marks in time order (printed with BENCH_WATERFALL=1). */
  waterfall: string[];
};

async function signIn(browser: Browser): Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> {
  const context = await browser.newContext();
  const response = await context.request.post(`${BASE_URL}/api/auth/sign-in/email`, {
    data: { email: DEMO_EMAIL.operator, password: DEMO_PASSWORD },
    headers: { Origin: new URL(BASE_URL).origin },
  });
  if (response.status() !== 200) throw new Error(`sign-in answered ${response.status()}: ${await response.text()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Reads the page's own timeline once it is ready. Runs in the browser. */
function readTimeline(): {
  times: Record<string, number>;
  resources: { url: string; type: string; bytes: number; start: number; end: number }[];
} {
  const times: Record<string, number> = {};
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (nav) {
    times.document = nav.responseEnd;
    times.dcl = nav.domContentLoadedEventEnd;
    times.load = nav.loadEventEnd;
  }
  for (const mark of performance.getEntriesByType("mark")) {
    if (mark.name.startsWith("citynerve:") && times[mark.name.slice(10)] === undefined) times[mark.name.slice(10)] = mark.startTime;
  }
  const resources = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((entry) => ({
    url: entry.name,
    type: entry.initiatorType,
    bytes: entry.encodedBodySize,
    start: entry.startTime,
    end: entry.responseEnd,
  }));
  const firstEnd = (pattern: RegExp) => resources.find((r) => pattern.test(r.url))?.end;
  const found = {
    "api-city": firstEnd(/\/api\/city(\?|$)/),
    "style-json": firstEnd(/style\.json/),
    "entities-json": firstEnd(/entities\.json/),
  };
  for (const [key, value] of Object.entries(found)) if (value !== undefined) times[key] = value;
  return { times, resources };
}

function typeOf(url: string, resourceType: string): string {
  const path = new URL(url).pathname;
  if (/\.m?js$/.test(path) || resourceType === "script") return "js";
  if (/\.css$/.test(path)) return "css";
  if (/\.pbf$/.test(path)) return "glyphs";
  if (/\.(geo)?json$/.test(path)) return "city-json";
  if (/\.(woff2?|ttf)$/.test(path)) return "font";
  if (/\.(png|svg|webp|jpg)$/.test(path)) return "image";
  if (resourceType === "document") return "document";
  return "other";
}

async function measureOnce(
  storageState: Awaited<ReturnType<typeof signIn>>,
  extra: { profile?: string; trace?: string } = {},
): Promise<TRun> {
  const browser = await chromium.launch({ executablePath: EXECUTABLE_PATH, args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ storageState, viewport: { width: VIEWPORT_WIDTH, height: VIEWPORT_HEIGHT } });
    const page: Page = await context.newPage();
    // Every response, the worker's included (page resource timing does not see dedicated workers' fetches).
    const responses: { url: string; type: string; bytes: Promise<number> }[] = [];
    context.on("requestfinished", (request) => {
      responses.push({
        url: request.url(),
        type: request.resourceType(),
        bytes: request
          .sizes()
          .then((s) => s.responseBodySize)
          .catch(() => 0),
      });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    if (extra.profile) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    if (extra.trace) await browser.startTracing(page, { path: extra.trace, screenshots: false });

    const started = Date.now();
    await page.goto(`${BASE_URL}/`, { waitUntil: "commit" });
    if (new URL(page.url()).pathname !== "/") throw new Error(`redirected to ${page.url()}: not signed in?`);
    await page.locator('[data-testid="city-map"][data-ready="true"]').waitFor({ state: "attached", timeout: READY_TIMEOUT_MS });
    const wallMs = Date.now() - started;

    const metrics = await cdp.send("Performance.getMetrics");
    const metric = (name: string) => (metrics.metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    if (extra.profile) {
      const { profile } = await cdp.send("Profiler.stop");
      await writeFile(extra.profile, JSON.stringify(profile));
    }
    if (extra.trace) await browser.stopTracing();

    // tsx (esbuild keepNames) wraps named inner functions in __name(), which the page does not have.
    await page.evaluate("globalThis.__name ??= (fn) => fn");
    const timeline = await page.evaluate(readTimeline);
    // Resource timing says when things arrived; the response list says how big they were, worker included.
    const bytes: Record<string, number> = {};
    const scripts: { url: string; bytes: number }[] = [];
    for (const response of responses) {
      const size = await response.bytes;
      const type = typeOf(response.url, response.type);
      bytes[type] = (bytes[type] ?? 0) + size;
      if (type === "js") scripts.push({ url: new URL(response.url).pathname, bytes: size });
    }
    scripts.sort((a, b) => b.bytes - a.bytes);
    await context.close();
    return {
      times: timeline.times as TRun["times"],
      bytes,
      requests: responses.length,
      mainThreadMs: metric("TaskDuration"),
      scriptMs: metric("ScriptDuration"),
      wallMs,
      biggestScripts: scripts.slice(0, 6),
      waterfall: [
        ...timeline.resources.map((r) => ({
          at: r.start,
          line: `${fmtMs(r.start).padStart(6)} → ${fmtMs(r.end).padStart(6)}  ${fmtKb(r.bytes).padStart(5)} KB  ${new URL(r.url).pathname}`,
        })),
        ...Object.entries(timeline.times).map(([step, at]) => ({ at, line: `${fmtMs(at).padStart(6)}                    ◆ ${step}` })),
      ]
        .sort((a, b) => a.at - b.at)
        .map((entry) => entry.line),
    };
  } finally {
    await browser.close();
  }
}

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmtMs = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? "—" : String(Math.round(value)));
const fmtKb = (value: number | undefined) => (value === undefined ? "—" : `${Math.round(value / 1024)}`);

function printRow(label: string, run: Pick<TRun, "times" | "mainThreadMs" | "scriptMs" | "wallMs" | "bytes" | "requests">): void {
  const cells = STEPS.map((step) => fmtMs(run.times[step]).padStart(7));
  const kb = `${fmtKb(run.bytes.js).padStart(5)} ${fmtKb(Object.values(run.bytes).reduce((a, b) => a + b, 0)).padStart(6)}`;
  console.log(
    `${label.padEnd(7)}${cells.join("")} ${fmtMs(run.wallMs).padStart(7)} ${fmtMs(run.mainThreadMs).padStart(7)} ${fmtMs(run.scriptMs).padStart(7)} ${kb} ${String(run.requests).padStart(5)}`,
  );
}

async function main(): Promise<void> {
  const health = await fetch(`${BASE_URL}/api/health`).catch(() => null);
  if (!health?.ok) throw new Error(`no server answering on ${BASE_URL}/api/health (see the top of bench/first-render.ts)`);

  const signInBrowser = await chromium.launch({ executablePath: EXECUTABLE_PATH, args: LAUNCH_ARGS });
  const storageState = await signIn(signInBrowser).finally(() => signInBrowser.close());

  console.log(`first render of ${BASE_URL}/ — ${RUNS} runs, viewport ${VIEWPORT_WIDTH}x${VIEWPORT_HEIGHT}, ms since navigation start`);
  const short: Record<TStep, string> = {
    document: "doc",
    dcl: "dcl",
    load: "load",
    "api-city": "apiCity",
    "map-module": "mapMod",
    "map-created": "mapNew",
    "style-json": "styleJs",
    "style-loaded": "styleOk",
    "entities-json": "entJs",
    "entities-indexed": "entIdx",
    "socket-connected": "sockOk",
    "first-snapshot": "snap",
    "first-layers": "layers",
    ready: "READY",
    "first-frame": "deckFr",
  };
  console.log(
    `${"run".padEnd(7)}${STEPS.map((s) => short[s].padStart(7)).join("")} ${"wall".padStart(7)} ${"mainMs".padStart(7)} ${"jsMs".padStart(7)} ${"jsKB".padStart(5)} ${"allKB".padStart(6)} ${"reqs".padStart(5)}`,
  );
  const runs: TRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await measureOnce(storageState);
    runs.push(run);
    printRow(`#${i + 1}`, run);
  }
  const medianRun = {
    times: Object.fromEntries(STEPS.map((step) => [step, median(runs.map((r) => r.times[step] ?? Number.NaN))])),
    mainThreadMs: median(runs.map((r) => r.mainThreadMs)),
    scriptMs: median(runs.map((r) => r.scriptMs)),
    wallMs: median(runs.map((r) => r.wallMs)),
    bytes: Object.fromEntries(
      [...new Set(runs.flatMap((r) => Object.keys(r.bytes)))].map((k) => [k, median(runs.map((r) => r.bytes[k] ?? 0))]),
    ),
    requests: median(runs.map((r) => r.requests)),
  };
  printRow("median", medianRun);
  console.log(
    `bytes by type (median, KB): ${Object.entries(medianRun.bytes)
      .sort((a, b) => b[1] - a[1])
      .map(([type, value]) => `${type} ${fmtKb(value)}`)
      .join(", ")}`,
  );
  console.log(
    `largest scripts (last run): ${runs
      .at(-1)
      ?.biggestScripts.map((s) => `${s.url} ${fmtKb(s.bytes)} KB`)
      .join(", ")}`,
  );

  if (process.env.BENCH_WATERFALL)
    console.log(`waterfall of the last run (start → end ms, encoded size):\n${runs.at(-1)?.waterfall.join("\n")}`);
  if (process.env.BENCH_PROFILE) {
    const run = await measureOnce(storageState, { profile: process.env.BENCH_PROFILE });
    printRow("profile", run);
    console.log(`CPU profile written to ${process.env.BENCH_PROFILE}`);
  }
  if (process.env.BENCH_TRACE) {
    const run = await measureOnce(storageState, { trace: process.env.BENCH_TRACE });
    printRow("trace", run);
    console.log(`trace written to ${process.env.BENCH_TRACE}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
