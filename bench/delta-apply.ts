/**
 * npm run bench:delta-apply — what one big delta costs the browser's main thread, and what the live map holds in memory.
 * Asserts nothing; prints one line per round and the medians, with the ratio to the goal (≤ 8 ms for 10,000 updates).
 *
 * Runs against a production build with the browser test handles (window.__citynerve), already up:
 *   NEXT_PUBLIC_TEST_HOOKS=1 npx next build
 *   CITY_PACK=metro PORT=3300 DATA_DIR=.data/metro NODE_ENV=production npx tsx server.ts &   (or the town: no CITY_PACK)
 *   until curl -sf http://127.0.0.1:3300/api/health; do sleep 1; done
 *   BENCH_URL=http://127.0.0.1:3300 npm run bench:delta-apply
 *
 * In Debian Chromium with software WebGL (playwright.config.ts's launch arguments), signed in as the demo operator, the
 * control room is opened and left to become ready. Each round then takes BENCH_UPDATES (10,000) entities the page holds,
 * spread over every live layer, gives each a newer observation with changed values, and hands that delta to the page's
 * store exactly as a socket delta would be (store.applyDelta), then waits two animation frames so React and deck.gl
 * have recomputed what the delta changed. Three figures per round:
 *   - apply: the synchronous applyDelta call (store merge + subscribers), performance.now() around it;
 *   - frames: CDP TaskDuration over the two frames that follow, i.e. every main-thread task (React, deck.gl attribute
 *     updates, drawing);
 *   - idle: the same two-frame window measured just before with no synthetic delta, so the background (live deltas from
 *     the simulator, MapLibre) can be read off side by side.
 * Memory: JS heap used (CDP) after ready and after the rounds, and the entity count per layer.
 *
 * Env: BENCH_URL (default http://127.0.0.1:3300), BENCH_ROUNDS (7), BENCH_UPDATES (10000), BENCH_VIEWPORT ("1440x900").
 */
import { type Browser, chromium } from "@playwright/test";
import config from "../playwright.config";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../e2e/fixtures/auth";

const BASE_URL = process.env.BENCH_URL ?? "http://127.0.0.1:3300";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 10_000);
const [VIEWPORT_WIDTH, VIEWPORT_HEIGHT] = (process.env.BENCH_VIEWPORT ?? "1440x900").split("x").map(Number);
const GOAL_MS = 8;
const EXECUTABLE_PATH = config.use?.launchOptions?.executablePath ?? "/usr/bin/chromium";
const LAUNCH_ARGS = config.use?.launchOptions?.args ?? [];

type TRound = { applyMs: number; framesMs: number; idleMs: number; updates: number };

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

/** Runs in the page: builds a delta of `count` newer observations of entities the store holds. */
function prepareDelta(count: number): number {
  const hooks = (window as unknown as { __citynerve?: { store: { get(layer: string, id: string): unknown } } }).__citynerve;
  if (!hooks) throw new Error("no window.__citynerve: build with NEXT_PUBLIC_TEST_HOOKS=1");
  const store = hooks.store as unknown as { latest: Record<string, Map<string, Record<string, unknown>>> };
  const layers = Object.entries(store.latest).filter(([, entities]) => entities.size > 0);
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
  (window as unknown as { __benchDelta: unknown }).__benchDelta = { seq: Number.MAX_SAFE_INTEGER - 1, layers: delta };
  return Object.values(delta).reduce((sum, events) => sum + events.length, 0);
}

/** Runs in the page: applies the prepared delta; resolves with the synchronous cost once two frames have followed. */
function applyDelta(): Promise<number> {
  const hooks = (window as unknown as { __citynerve: { store: { applyDelta(delta: unknown): void } } }).__citynerve;
  const delta = (window as unknown as { __benchDelta: unknown }).__benchDelta;
  const started = performance.now();
  hooks.store.applyDelta(delta);
  const applyMs = performance.now() - started;
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(applyMs))));
}

function twoFrames(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
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
    const counts = await page.evaluate(() => {
      const store = (window as unknown as { __citynerve: { store: { latest: Record<string, Map<string, unknown>> } } }).__citynerve.store;
      return Object.fromEntries(Object.entries(store.latest).map(([layer, entities]) => [layer, entities.size]));
    });
    const heapAtReady = await metric("JSHeapUsedSize");
    const entityTotal = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `${BASE_URL}: ready in ${readyMs} ms (wall), ${entityTotal} live entities ${JSON.stringify(counts)}, JS heap ${mb(heapAtReady)}`,
    );
    console.log(
      `delta of ${UPDATES} updates → main thread (ms): apply = applyDelta call; frames = all tasks in the 2 frames after; idle = 2 frames without`,
    );
    console.log(`${"round".padEnd(6)}${"updates".padStart(8)}${"apply".padStart(8)}${"frames".padStart(8)}${"idle".padStart(8)}`);

    const rounds: TRound[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const updates = await page.evaluate(prepareDelta, UPDATES);
      const idleBefore = await metric("TaskDuration");
      await page.evaluate(twoFrames);
      const idleMs = ((await metric("TaskDuration")) - idleBefore) * 1000;
      const framesBefore = await metric("TaskDuration");
      const applyMs = await page.evaluate(applyDelta);
      const framesMs = ((await metric("TaskDuration")) - framesBefore) * 1000;
      rounds.push({ applyMs, framesMs, idleMs, updates });
      console.log(
        `${`#${round}`.padEnd(6)}${String(updates).padStart(8)}${applyMs.toFixed(1).padStart(8)}${framesMs.toFixed(1).padStart(8)}${idleMs.toFixed(1).padStart(8)}`,
      );
    }
    const applyMedian = median(rounds.map((r) => r.applyMs));
    const framesMedian = median(rounds.map((r) => r.framesMs));
    const idleMedian = median(rounds.map((r) => r.idleMs));
    console.log(
      `median: apply ${applyMedian.toFixed(1)} ms (${(applyMedian / GOAL_MS).toFixed(2)} × goal ${GOAL_MS} ms), frames ${framesMedian.toFixed(1)} ms, ` +
        `idle ${idleMedian.toFixed(1)} ms → delta's share of the frames ${(framesMedian - idleMedian).toFixed(1)} ms (${((framesMedian - idleMedian) / GOAL_MS).toFixed(2)} × goal)`,
    );
    console.log(`JS heap: ${mb(heapAtReady)} at ready, ${mb(await metric("JSHeapUsedSize"))} after ${ROUNDS} rounds`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
