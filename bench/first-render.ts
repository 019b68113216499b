/**
 * npm run bench:first-render — how long the control room's live map takes to become ready, and what it downloads.
 * Asserts nothing; prints one line per run and the medians.
 *
 * Runs against a server that is already up (a production build, so the figures mean what users and CI meet):
 *   NEXT_PUBLIC_TEST_HOOKS=1 npx next build
 *   PORT=3300 PUBLIC_URL=http://127.0.0.1:3300 DATA_DIR=.data/fr NODE_ENV=production npx tsx server.ts &
 * (PUBLIC_URL with the address the browser uses: a WebSocket from another origin is refused, and socket.io then falls
 * back to long-polling, which is not what users get.)
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
 * Besides the page's resources it counts the WebSocket payload received until ready (the live snapshot comes that
 * way), reads the tab's JS heap at ready, and (with the browser test handles, NEXT_PUBLIC_TEST_HOOKS=1) zooms in to
 * BENCH_ZOOM at the city's centre and times until the live entities there are in the store and drawn ("zoomIn"; a
 * town that is sent whole has them already), with the socket bytes and the heap after it. The server's RSS is read
 * from its /metrics (answered to loopback without a token) after the runs.
 *
 * Two cities side by side: BENCH_URLS="town=http://127.0.0.1:3102,metro=http://127.0.0.1:3115" (each a server of the
 * same build, one started with CITY_PACK=metro) runs them interleaved and prints each one's medians, then the second
 * against the first.
 *
 * Env: BENCH_URL (default http://127.0.0.1:3300) or BENCH_URLS, BENCH_RUNS (5), BENCH_VIEWPORT ("1280x720"),
 * BENCH_ZOOM (15.5), BENCH_WATERFALL=1 (print the last run's resources and marks in time order),
 * BENCH_PROFILE=<file.cpuprofile> (one extra run with the V8 CPU profiler on, written there; open it in Chrome DevTools),
 * BENCH_TRACE=<file.json> (one extra run with a Chromium performance trace, for DevTools' Performance panel).
 */
import { writeFile } from "node:fs/promises";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import config from "../playwright.config";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../e2e/fixtures/auth";

const TARGETS = (process.env.BENCH_URLS ?? `city=${process.env.BENCH_URL ?? "http://127.0.0.1:3300"}`).split(",").map((entry) => {
  const [label, url] = entry.includes("=") ? entry.split("=", 2) : ["city", entry];
  return { label: label!, url: url! };
});
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ZOOM_IN = Number(process.env.BENCH_ZOOM ?? 15.5);
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
  /** WebSocket payload received until ready (the live snapshot and first deltas). */
  socketBytes: number;
  heapBytes: number;
  /** After zooming in: until the entities there were in the store and drawn; null without the test handles. */
  zoomIn: { ms: number; socketBytes: number; heapBytes: number; entities: number } | null;
  biggestScripts: { url: string; bytes: number }[];
  /** Page resources and marks in time order (printed with BENCH_WATERFALL=1). */
  waterfall: string[];
};

async function signIn(browser: Browser, baseUrl: string): Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> {
  const context = await browser.newContext();
  const response = await context.request.post(`${baseUrl}/api/auth/sign-in/email`, {
    data: { email: DEMO_EMAIL.operator, password: DEMO_PASSWORD },
    headers: { Origin: new URL(baseUrl).origin },
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
  if (/\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(path)) return "basemap-tiles";
  if (/\.pbf$/.test(path)) return "glyphs";
  if (/\.(geo)?json$/.test(path)) return "city-json";
  if (/\.(woff2?|ttf)$/.test(path)) return "font";
  if (/\.(png|svg|webp|jpg)$/.test(path)) return "image";
  if (resourceType === "document") return "document";
  return "other";
}

/**
 * Runs in the page: zooms in at the centre and resolves when the store holds live entities of a tiled layer in a
 * view that is not an overview, two frames later (drawn); null without the test handles.
 */
function zoomInAndWait(zoom: number): Promise<{ ms: number; entities: number } | null> {
  type THooks = {
    map: { jumpTo(options: { zoom: number }): void };
    store: { getView(): { mode: string }; count(layer: string): number };
  };
  const hooks = (window as unknown as { __citynerve?: THooks }).__citynerve;
  if (!hooks) return Promise.resolve(null);
  const started = performance.now();
  hooks.map.jumpTo({ zoom });
  const entities = () => ["traffic", "parking", "waste", "energy"].reduce((sum, layer) => sum + hooks.store.count(layer), 0);
  return new Promise((resolve) => {
    const check = () => {
      if (hooks.store.getView().mode !== "overview" && entities() > 0)
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ms: performance.now() - started, entities: entities() })));
      else setTimeout(check, 20);
    };
    check();
  });
}

async function measureOnce(
  baseUrl: string,
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
    let socketBytes = 0;
    page.on("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        socketBytes += typeof payload === "string" ? Buffer.byteLength(payload) : payload.length;
      }),
    );
    if (extra.profile) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    if (extra.trace) await browser.startTracing(page, { path: extra.trace, screenshots: false });

    const started = Date.now();
    await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
    if (new URL(page.url()).pathname !== "/") throw new Error(`redirected to ${page.url()}: not signed in?`);
    await page.locator('[data-testid="city-map"][data-ready="true"]').waitFor({ state: "attached", timeout: READY_TIMEOUT_MS });
    const wallMs = Date.now() - started;
    const socketBytesAtReady = socketBytes;

    const metrics = await cdp.send("Performance.getMetrics");
    const metric = (name: string) => (metrics.metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    const heapBytes = (metrics.metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0) as number;
    if (extra.profile) {
      const { profile } = await cdp.send("Profiler.stop");
      await writeFile(extra.profile, JSON.stringify(profile));
    }
    if (extra.trace) await browser.stopTracing();

    // tsx (esbuild keepNames) wraps named inner functions in __name(), which the page does not have.
    await page.evaluate("globalThis.__name ??= (fn) => fn");
    const timeline = await page.evaluate(readTimeline);
    const zoomed = await page.evaluate(zoomInAndWait, ZOOM_IN);
    const zoomIn = zoomed && {
      ...zoomed,
      socketBytes: socketBytes - socketBytesAtReady,
      heapBytes: (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0,
    };
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
      socketBytes: socketBytesAtReady,
      heapBytes,
      zoomIn,
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

type TSummary = Pick<TRun, "times" | "mainThreadMs" | "scriptMs" | "wallMs" | "bytes" | "requests" | "socketBytes" | "heapBytes"> & {
  zoomInMs: number;
  zoomInSocketBytes: number;
  zoomInHeapBytes: number;
  zoomInEntities: number;
};

const fmtMb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1024 / 1024).toFixed(1) : "—");

function summaryOf(run: TRun): TSummary {
  return {
    ...run,
    zoomInMs: run.zoomIn?.ms ?? Number.NaN,
    zoomInSocketBytes: run.zoomIn?.socketBytes ?? Number.NaN,
    zoomInHeapBytes: run.zoomIn?.heapBytes ?? Number.NaN,
    zoomInEntities: run.zoomIn?.entities ?? Number.NaN,
  };
}

function printRow(label: string, run: TSummary): void {
  const cells = STEPS.map((step) => fmtMs(run.times[step]).padStart(7));
  const kb = `${fmtKb(run.bytes.js).padStart(5)} ${fmtKb(Object.values(run.bytes).reduce((a, b) => a + b, 0)).padStart(6)}`;
  console.log(
    `${label.padEnd(10)}${cells.join("")} ${fmtMs(run.wallMs).padStart(7)} ${fmtMs(run.mainThreadMs).padStart(7)} ${fmtMs(run.scriptMs).padStart(7)} ${kb} ${String(run.requests).padStart(5)}` +
      ` ${fmtKb(run.socketBytes).padStart(6)} ${fmtMb(run.heapBytes).padStart(6)} ${fmtMs(run.zoomInMs).padStart(7)} ${fmtKb(run.zoomInSocketBytes).padStart(6)} ${fmtMb(run.zoomInHeapBytes).padStart(6)}`,
  );
}

function medianOf(runs: TRun[]): TSummary {
  const summaries = runs.map(summaryOf);
  const med = (pick: (s: TSummary) => number) => median(summaries.map(pick));
  return {
    times: Object.fromEntries(STEPS.map((step) => [step, med((r) => r.times[step] ?? Number.NaN)])),
    mainThreadMs: med((r) => r.mainThreadMs),
    scriptMs: med((r) => r.scriptMs),
    wallMs: med((r) => r.wallMs),
    bytes: Object.fromEntries([...new Set(runs.flatMap((r) => Object.keys(r.bytes)))].map((k) => [k, med((r) => r.bytes[k] ?? 0)])),
    requests: med((r) => r.requests),
    socketBytes: med((r) => r.socketBytes),
    heapBytes: med((r) => r.heapBytes),
    zoomInMs: med((r) => r.zoomInMs),
    zoomInSocketBytes: med((r) => r.zoomInSocketBytes),
    zoomInHeapBytes: med((r) => r.zoomInHeapBytes),
    zoomInEntities: med((r) => r.zoomInEntities),
  };
}

/** The server's resident memory from its Prometheus endpoint (loopback needs no token); NaN when it does not answer. */
async function serverRssBytes(baseUrl: string): Promise<number> {
  const text = await fetch(`${baseUrl}/metrics`)
    .then((response) => (response.ok ? response.text() : ""))
    .catch(() => "");
  const match = /^process_resident_memory_bytes(?:\{[^}]*\})? ([0-9.e+]+)$/m.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

const total = (bytes: Record<string, number>) => Object.values(bytes).reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const states = [];
  for (const { label, url } of TARGETS) {
    const health = await fetch(`${url}/api/health`).catch(() => null);
    if (!health?.ok) throw new Error(`no server answering on ${url}/api/health (${label}; see the top of bench/first-render.ts)`);
    const signInBrowser = await chromium.launch({ executablePath: EXECUTABLE_PATH, args: LAUNCH_ARGS });
    states.push(await signIn(signInBrowser, url).finally(() => signInBrowser.close()));
  }

  console.log(
    `first render of ${TARGETS.map((t) => `${t.label} ${t.url}/`).join(" and ")} — ${RUNS} runs each${TARGETS.length > 1 ? ", interleaved" : ""}, ` +
      `viewport ${VIEWPORT_WIDTH}x${VIEWPORT_HEIGHT}, ms since navigation start; then zoomed in to ${ZOOM_IN}`,
  );
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
    `${"run".padEnd(10)}${STEPS.map((s) => short[s].padStart(7)).join("")} ${"wall".padStart(7)} ${"mainMs".padStart(7)} ${"jsMs".padStart(7)} ${"jsKB".padStart(5)} ${"allKB".padStart(6)} ${"reqs".padStart(5)}` +
      ` ${"sockKB".padStart(6)} ${"heapMB".padStart(6)} ${"zoomMs".padStart(7)} ${"zSockK".padStart(6)} ${"zHeapM".padStart(6)}`,
  );
  const runs: TRun[][] = TARGETS.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [t, { label, url }] of TARGETS.entries()) {
      const run = await measureOnce(url, states[t]!);
      runs[t]!.push(run);
      printRow(`${label}#${i + 1}`, summaryOf(run));
    }
  }
  const medians = runs.map(medianOf);
  const rss = await Promise.all(TARGETS.map(({ url }) => serverRssBytes(url)));
  for (const [t, { label }] of TARGETS.entries()) {
    const medianRun = medians[t]!;
    printRow(`${label} med`, medianRun);
    console.log(
      `${label}: bytes by type (median, KB): ${Object.entries(medianRun.bytes)
        .sort((a, b) => b[1] - a[1])
        .map(([type, value]) => `${type} ${fmtKb(value)}`)
        .join(", ")}; socket ${fmtKb(medianRun.socketBytes)} KB until ready; server RSS ${fmtMb(rss[t]!)} MB after the runs`,
    );
    console.log(
      `${label}: largest scripts (last run): ${runs[t]!.at(-1)
        ?.biggestScripts.map((s) => `${s.url} ${fmtKb(s.bytes)} KB`)
        .join(", ")}`,
    );
  }
  if (TARGETS.length > 1) {
    const [a, b] = [medians[0]!, medians[1]!];
    const [la, lb] = [TARGETS[0]!.label, TARGETS[1]!.label];
    const row = (name: string, va: number, vb: number, fmt: (v: number) => string) =>
      console.log(`${name.padEnd(34)}${fmt(va).padStart(10)}${fmt(vb).padStart(10)}${(vb / va).toFixed(2).padStart(9)}`);
    console.log(`medians side by side${"".padEnd(13)}${la.padStart(10)}${lb.padStart(10)}${`${lb}/${la}`.padStart(9)}`);
    row("ready (ms since navigation)", a.times.ready ?? Number.NaN, b.times.ready ?? Number.NaN, fmtMs);
    row("main thread until ready (ms)", a.mainThreadMs, b.mainThreadMs, fmtMs);
    row("downloaded until ready (KB)", total(a.bytes), total(b.bytes), fmtKb);
    row("  of which city JSON (KB)", a.bytes["city-json"] ?? 0, b.bytes["city-json"] ?? 0, fmtKb);
    row("socket payload until ready (KB)", a.socketBytes, b.socketBytes, fmtKb);
    row("tab JS heap at ready (MB)", a.heapBytes, b.heapBytes, fmtMb);
    row(`zoom in to ${ZOOM_IN}: entities drawn (ms)`, a.zoomInMs, b.zoomInMs, fmtMs);
    row("  live entities in the tab", a.zoomInEntities, b.zoomInEntities, (v) => fmtMs(v));
    row("  socket payload (KB)", a.zoomInSocketBytes, b.zoomInSocketBytes, fmtKb);
    row("  tab JS heap after (MB)", a.zoomInHeapBytes, b.zoomInHeapBytes, fmtMb);
    row("server RSS (MB)", rss[0]!, rss[1]!, fmtMb);
  }

  const last = runs.at(-1)?.at(-1);
  const { url } = TARGETS.at(-1)!;
  if (process.env.BENCH_WATERFALL) console.log(`waterfall of the last run (start → end ms, encoded size):\n${last?.waterfall.join("\n")}`);
  if (process.env.BENCH_PROFILE) {
    const run = await measureOnce(url, states.at(-1)!, { profile: process.env.BENCH_PROFILE });
    printRow("profile", summaryOf(run));
    console.log(`CPU profile written to ${process.env.BENCH_PROFILE}`);
  }
  if (process.env.BENCH_TRACE) {
    const run = await measureOnce(url, states.at(-1)!, { trace: process.env.BENCH_TRACE });
    printRow("trace", summaryOf(run));
    console.log(`trace written to ${process.env.BENCH_TRACE}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
