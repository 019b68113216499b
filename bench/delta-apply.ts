/**
 * npm run bench:delta-apply — what one big delta costs the browser's main thread, and what the live map holds in memory.
 * Asserts nothing; prints one line per round and the medians, with the ratio to the goal (≤ 8 ms for 10,000 updates).
 *
 * Runs against a production build with the browser test handles (window.__citynerve), already up:
 *   NEXT_PUBLIC_TEST_HOOKS=1 npx next build
 *   CITY_PACK=metro PORT=3300 PUBLIC_URL=http://127.0.0.1:3300 DATA_DIR=.data/metro NODE_ENV=production npx tsx server.ts &   (or the town: no CITY_PACK)
 *   until curl -sf http://127.0.0.1:3300/api/health; do sleep 1; done
 *   BENCH_URL=http://127.0.0.1:3300 npm run bench:delta-apply
 *
 * In Debian Chromium with software WebGL (playwright.config.ts's launch arguments), signed in as the demo operator, the
 * control room is opened and left to become ready (BENCH_ZOOM: then zoomed in at the centre until the viewport's
 * entities are in the tab, for the metro). Each round then takes BENCH_UPDATES (10,000) entities the page holds,
 * spread over every live layer, gives each a newer observation with changed values, and hands that delta to the page's
 * store exactly as a socket delta would be (store.applyDelta), then waits until deck.gl has been handed layers built
 * after it and has drawn them, and one frame more (the live redraw is throttled: that can take seconds). Per round:
 *   - apply: the synchronous applyDelta call (store merge + subscribers), performance.now() around it;
 *   - attrs: deck.gl's attribute recomputation (AttributeManager.update), draw: its draw calls (_drawLayers);
 *   - tasks / script: CDP TaskDuration / ScriptDuration over the round, i.e. every main-thread task (JavaScript) until
 *     the delta is drawn, including what the simulator's own live deltas and MapLibre do meanwhile;
 *   - idle / script: the same wall time measured just after with no synthetic delta, to read that background off.
 * Without a GPU most of a redraw is native: the compositor reads deck.gl's canvas back (GLES2::ReadPixels) and the
 * main thread waits while SwiftShader rasterises the frame in the GPU process; BENCH_TRACE shows it.
 * Memory: JS heap used (CDP) after ready and after the rounds, and the entity count per layer.
 *
 * BENCH_DECLARED=1: the declared domains (lib/domains/definitions) are switched on in the layer panel, and the deltas
 * change their sensors only; attrs then counts the declared layers' attribute recomputation only (the simulator's own
 * deltas to the other layers go on meanwhile). They have far fewer entities: pick BENCH_UPDATES to match.
 *
 * Env: BENCH_URL (default http://127.0.0.1:3300), BENCH_ROUNDS (7), BENCH_UPDATES (10000), BENCH_VIEWPORT ("1440x900"),
 * BENCH_ZOOM (none), BENCH_PROFILE=<file.cpuprofile> (one more round under the V8 CPU profiler: written there, and its
 * heaviest functions printed), BENCH_TRACE=<file.json> (one more round in a Chromium trace: written there, and the
 * main thread's self time per trace event printed).
 */
import { readdir, writeFile } from "node:fs/promises";
import { type Browser, chromium } from "@playwright/test";
import config from "../playwright.config";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../e2e/fixtures/auth";

const BASE_URL = process.env.BENCH_URL ?? "http://127.0.0.1:3300";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 10_000);
const [VIEWPORT_WIDTH, VIEWPORT_HEIGHT] = (process.env.BENCH_VIEWPORT ?? "1440x900").split("x").map(Number);
const ZOOM = process.env.BENCH_ZOOM ? Number(process.env.BENCH_ZOOM) : null;
const DECLARED = process.env.BENCH_DECLARED === "1";
const GOAL_MS = 8;
const EXECUTABLE_PATH = config.use?.launchOptions?.executablePath ?? "/usr/bin/chromium";
const LAUNCH_ARGS = config.use?.launchOptions?.args ?? [];

type TRound = {
  updates: number;
  applyMs: number;
  attrsMs: number;
  drawMs: number;
  tasksMs: number;
  scriptMs: number;
  idleMs: number;
  idleScriptMs: number;
  wallMs: number;
};

type TProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
};

const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc", "gpu", "v8.execute", "toplevel"];

type TTraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } };

/**
 * Self time per event name on the renderer's main thread over the traced round (nested complete events: a parent's
 * time minus its children's), heaviest first: where a delta's frames go, JavaScript and native alike.
 */
function printMainThreadBreakdown(events: TTraceEvent[], count = 20): void {
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!main) return;
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of spans) {
    while (stack.length > 0 && stack.at(-1)!.end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0) / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    stack.push({ end: e.ts + (e.dur ?? 0), name: e.name });
  }
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

/** The profile's self time per function (minified names keep their chunk and position), heaviest first. */
function printTopFunctions(profile: TProfile, count = 25): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}:${frame.lineNumber}:${frame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
}

async function signedInState(browser: Browser) {
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

/**
 * Runs in the page: builds a delta of `count` newer observations of entities the store holds, of the live layers or
 * (`declared`) of the declared domains' sensors.
 */
function prepareDelta({ count, declared }: { count: number; declared: boolean }): number {
  const hooks = (window as unknown as { __citynerve?: { store: { get(layer: string, id: string): unknown } } }).__citynerve;
  if (!hooks) throw new Error("no window.__citynerve: build with NEXT_PUBLIC_TEST_HOOKS=1");
  const store = hooks.store as unknown as {
    latest: Record<string, Map<string, Record<string, unknown>>>;
    declared: Map<string, Map<string, Record<string, unknown>>>;
  };
  const held = declared ? Object.fromEntries(store.declared) : store.latest;
  const layers = Object.entries(held).filter(([, entities]) => entities.size > 0);
  const total = layers.reduce((sum, [, entities]) => sum + entities.size, 0);
  const at = new Date(Date.now() + 60_000).toISOString();
  const delta: Record<string, Record<string, unknown>[]> = {};
  for (const [layer, entities] of layers) {
    const share = Math.round((count * entities.size) / total);
    const events: Record<string, unknown>[] = [];
    for (const event of entities.values()) {
      if (events.length >= share) break;
      const changed: Record<string, unknown> = { ...event, id: `${event.id}-bench`, observedAt: at };
      // Move every number a little so colour/size accessors see a real change.
      for (const [key, value] of Object.entries(event))
        if (typeof value === "number" && key !== "totalSpotNumber") changed[key] = value * 0.9;
      if (Array.isArray(event.location)) changed.location = [(event.location as number[])[0] + 1e-5, (event.location as number[])[1]];
      events.push(changed);
    }
    delta[layer] = events;
  }
  (window as unknown as { __benchDelta: unknown }).__benchDelta = declared
    ? { seq: Number.MAX_SAFE_INTEGER - 1, layers: {}, declared: delta }
    : { seq: Number.MAX_SAFE_INTEGER - 1, layers: delta };
  return Object.values(delta).reduce((sum, events) => sum + events.length, 0);
}

type TCounters = {
  setProps: number;
  attrsMs: number;
  drawn: number;
  drawMs: number;
  lastSetPropsAt: number;
  lastDrawnAt: number;
};

/**
 * Runs in the page, once: times what deck.gl does. overlay.setProps is where React's effect hands deck.gl new layers
 * (the bench waits for one after the delta); AttributeManager.update is the attribute recomputation (accessors run
 * per row, typed arrays filled); _drawLayers issues the draw calls. The rasterisation itself runs in the GPU process
 * (SwiftShader without a GPU); the main thread waits for it when the compositor reads the canvas back.
 * With `layerIdPrefix`, only the attribute recomputation of the layers whose id starts with it is counted.
 */
function instrumentDeck(layerIdPrefix: string | null): void {
  type TTimed = Record<string, (...args: unknown[]) => unknown>;
  const w = window as unknown as { __citynerve: { overlay: Record<string, unknown> }; __benchCounters?: TCounters };
  if (w.__benchCounters) return;
  const counters: TCounters = { setProps: 0, attrsMs: 0, drawn: 0, drawMs: 0, lastSetPropsAt: 0, lastDrawnAt: 0 };
  w.__benchCounters = counters;
  const timed = (target: TTimed, method: string, onDone: (started: number, ms: number, args: unknown[], self: unknown) => void) => {
    const original = target[method]!;
    target[method] = function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      const result = original.apply(this, args);
      onDone(started, performance.now() - started, args, this);
      return result;
    };
  };
  const overlay = w.__citynerve.overlay as TTimed & {
    _deck: TTimed & { layerManager: TTimed & { layers: { getAttributeManager(): object | null }[] } };
  };
  timed(overlay, "setProps", (started, _ms, [props]) => {
    if (!(props as { layers?: unknown }).layers) return;
    counters.setProps += 1;
    counters.lastSetPropsAt = started;
  });
  const deck = overlay._deck;
  const attributeManager = deck.layerManager.layers.map((layer) => layer.getAttributeManager()).find(Boolean);
  if (attributeManager)
    timed(Object.getPrototypeOf(attributeManager) as TTimed, "update", (_started, ms, _args, manager) => {
      // An attribute manager's id is its layer's.
      if (layerIdPrefix === null || (manager as { id: string }).id.startsWith(layerIdPrefix)) counters.attrsMs += ms;
    });
  timed(deck, "_drawLayers", (started, ms) => {
    counters.drawMs += ms;
    counters.drawn += 1;
    counters.lastDrawnAt = started;
  });
}

/** The instrumentation's counters, to difference around a round. */
function readCounters(): TCounters {
  return { ...(window as unknown as { __benchCounters: TCounters }).__benchCounters };
}

/**
 * Runs in the page: applies the prepared delta, then waits until deck.gl has been handed layers built after it and has
 * drawn them, plus one frame (where a software-WebGL compositor reads the canvas back). Resolves with the synchronous
 * applyDelta cost and the wall time until then.
 */
function applyDeltaAndWaitDrawn(): Promise<{ applyMs: number; wallMs: number }> {
  const w = window as unknown as {
    __citynerve: { store: { applyDelta(delta: unknown): void } };
    __benchDelta: unknown;
    __benchCounters: { lastSetPropsAt: number; lastDrawnAt: number };
  };
  const started = performance.now();
  w.__citynerve.store.applyDelta(w.__benchDelta);
  const applyMs = performance.now() - started;
  const counters = w.__benchCounters;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (performance.now() - started > 30_000) reject(new Error("the delta was not drawn within 30 s"));
      else if (counters.lastSetPropsAt >= started && counters.lastDrawnAt >= counters.lastSetPropsAt)
        requestAnimationFrame(() => resolve({ applyMs, wallMs: performance.now() - started }));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/**
 * Runs in the page: zooms in at the centre and resolves with the live entity count once the server's answer for the
 * new viewport is in and nothing arrived for a second (the metro sends only what is in view).
 */
function zoomInAndSettle(zoom: number): Promise<number> {
  type THooks = { map: { jumpTo(options: { zoom: number }): void }; store: { getCounts(): Record<string, number> } };
  const hooks = (window as unknown as { __citynerve: THooks }).__citynerve;
  hooks.map.jumpTo({ zoom });
  const total = () => Object.values(hooks.store.getCounts()).reduce((a, b) => a + b, 0);
  let last = total();
  let stableSince = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const now = total();
      if (now !== last) {
        last = now;
        stableSince = performance.now();
      }
      // Units are sent at every zoom; the tiles' entities come with the answer for the new viewport.
      if (now > hooks.store.getCounts().units && performance.now() - stableSince > 3_000) resolve(now);
      else setTimeout(check, 100);
    };
    setTimeout(check, 100);
  });
}

function waitMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const health = await fetch(`${BASE_URL}/api/health`).catch(() => null);
  if (!health?.ok) throw new Error(`no server answering on ${BASE_URL}/api/health (see the top of bench/delta-apply.ts)`);
  const browser = await chromium.launch({ executablePath: EXECUTABLE_PATH, args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({
      storageState: await signedInState(browser),
      viewport: { width: VIEWPORT_WIDTH, height: VIEWPORT_HEIGHT },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metric = async (name: string) => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === name)?.value ?? 0;

    const started = Date.now();
    await page.goto(`${BASE_URL}/`);
    await page.locator('[data-testid="city-map"][data-ready="true"]').waitFor({ state: "attached", timeout: 180_000 });
    const readyMs = Date.now() - started;
    await page.evaluate("globalThis.__name ??= (fn) => fn"); // tsx keeps names with __name(), which the page lacks
    if (ZOOM !== null) console.log(`zoomed in to ${ZOOM}: ${await page.evaluate(zoomInAndSettle, ZOOM)} live entities in the tab`);
    if (DECLARED) {
      const domains = (await readdir("lib/domains/definitions")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
      for (const domain of domains) await page.getByTestId(`toggle-${domain}`).click();
      await page.waitForFunction((count) => {
        const store = (window as unknown as { __citynerve: { store: { declared: Map<string, Map<string, unknown>> } } }).__citynerve.store;
        return [...store.declared.values()].filter((sensors) => sensors.size > 0).length === count;
      }, domains.length);
    }
    const counts = await page.evaluate((declared) => {
      type TStore = { latest: Record<string, Map<string, unknown>>; declared: Map<string, Map<string, unknown>> };
      const store = (window as unknown as { __citynerve: { store: TStore } }).__citynerve.store;
      const held = declared ? Object.fromEntries(store.declared) : store.latest;
      return Object.fromEntries(Object.entries(held).map(([layer, entities]) => [layer, entities.size]));
    }, DECLARED);
    const heapAtReady = await metric("JSHeapUsedSize");
    const entityTotal = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `${BASE_URL}: ready in ${readyMs} ms (wall), ${entityTotal} live entities ${JSON.stringify(counts)}, JS heap ${mb(heapAtReady)}`,
    );
    // The declared layers' ids: components/map/layers/declared-domain-layer.ts's DECLARED_LAYER_PREFIX.
    await page.evaluate(instrumentDeck, DECLARED ? "declared:" : null);
    console.log(
      `delta of ${UPDATES} updates → main thread (ms). apply: the applyDelta call; attrs: deck.gl's attribute ` +
        "recomputation; draw: deck.gl's draw calls; tasks (script): every main-thread task (JavaScript) from the delta " +
        "until deck.gl has drawn it and one more frame has passed (wall); idle (script): the same wall time without a delta",
    );
    console.log(
      ["round", "updates", "apply", "attrs", "draw", "tasks", "script", "idle", "script", "wall"]
        .map((h, i) => (i === 0 ? h.padEnd(6) : h.padStart(9)))
        .join(""),
    );

    const metrics = async () => {
      const all = (await cdp.send("Performance.getMetrics")).metrics;
      const ms = (name: string) => (all.find((m) => m.name === name)?.value ?? 0) * 1000;
      return { tasks: ms("TaskDuration"), script: ms("ScriptDuration") };
    };
    const runRound = async (): Promise<TRound> => {
      const updates = await page.evaluate(prepareDelta, { count: UPDATES, declared: DECLARED });
      const before = await page.evaluate(readCounters);
      const busyBefore = await metrics();
      const { applyMs, wallMs } = await page.evaluate(applyDeltaAndWaitDrawn);
      const busy = await metrics();
      const after = await page.evaluate(readCounters);
      await page.evaluate(waitMs, wallMs);
      const idle = await metrics();
      return {
        updates,
        applyMs,
        attrsMs: after.attrsMs - before.attrsMs,
        drawMs: after.drawMs - before.drawMs,
        tasksMs: busy.tasks - busyBefore.tasks,
        scriptMs: busy.script - busyBefore.script,
        idleMs: idle.tasks - busy.tasks,
        idleScriptMs: idle.script - busy.script,
        wallMs,
      };
    };
    // Each round runs the old path (every row of a changed layer recomputed) and the new (only the changed rows).
    const paths = [
      { label: "every row", partial: false },
      { label: "changed rows", partial: true },
    ] as const;
    const rounds = new Map<string, TRound[]>(paths.map((path) => [path.label, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const path of round % 2 ? paths : [...paths].reverse()) {
        await page.evaluate((partial) => {
          (window as unknown as { __citynerve: { setPartialRowUpdates(on: boolean): void } }).__citynerve.setPartialRowUpdates(partial);
        }, path.partial);
        const r = await runRound();
        rounds.get(path.label)!.push(r);
        const cells = [r.updates, r.applyMs, r.attrsMs, r.drawMs, r.tasksMs, r.scriptMs, r.idleMs, r.idleScriptMs, r.wallMs];
        console.log(
          `${`#${round}`.padEnd(6)}${cells.map((v, i) => (i === 0 ? String(v) : v.toFixed(1)).padStart(9)).join("")}  ${path.label}`,
        );
      }
    }
    const ratio = (ms: number) => `${(ms / GOAL_MS).toFixed(2)} × goal ${GOAL_MS} ms`;
    const onPathOf = new Map<string, number>();
    for (const { label } of paths) {
      const m = (key: keyof TRound) => median(rounds.get(label)!.map((r) => r[key]));
      const share = m("tasksMs") - m("idleMs");
      const onPath = m("applyMs") + m("attrsMs") + m("drawMs");
      onPathOf.set(label, onPath);
      console.log(
        `median, ${label}: apply ${m("applyMs").toFixed(1)} + attrs ${m("attrsMs").toFixed(1)} + draw calls ${m("drawMs").toFixed(1)} ` +
          `= ${onPath.toFixed(1)} ms of JavaScript on the delta's path (${ratio(onPath)}); all tasks ${m("tasksMs").toFixed(1)} ms ` +
          `against idle ${m("idleMs").toFixed(1)} ms → the delta's share ${share.toFixed(1)} ms (${ratio(share)}), ` +
          `of which JavaScript ${(m("scriptMs") - m("idleScriptMs")).toFixed(1)} ms`,
      );
    }
    const [before, after] = paths.map((path) => onPathOf.get(path.label)!);
    console.log(`changed rows / every row, JavaScript on the delta's path: ${(after! / before!).toFixed(2)}`);
    if (process.env.BENCH_PROFILE) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      await cdp.send("Profiler.start");
      const r = await runRound();
      const { profile } = await cdp.send("Profiler.stop");
      await writeFile(process.env.BENCH_PROFILE, JSON.stringify(profile));
      console.log(
        `profiled round: tasks ${r.tasksMs.toFixed(1)} ms, wall ${r.wallMs.toFixed(1)} ms; CPU profile in ${process.env.BENCH_PROFILE}`,
      );
      printTopFunctions(profile);
    }
    if (process.env.BENCH_TRACE) {
      await browser.startTracing(page, { path: process.env.BENCH_TRACE, categories: TRACE_CATEGORIES });
      const r = await runRound();
      const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TTraceEvent[] };
      console.log(`traced round: tasks ${r.tasksMs.toFixed(1)} ms, wall ${r.wallMs.toFixed(1)} ms; trace in ${process.env.BENCH_TRACE}`);
      printMainThreadBreakdown(trace.traceEvents);
    }
    console.log(`JS heap: ${mb(heapAtReady)} at ready, ${mb(await metric("JSHeapUsedSize"))} after ${ROUNDS} rounds`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
