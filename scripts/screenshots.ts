/**
 * Screenshots of every page for every role at 1440 px and 360 px, to compare a change that must not
 * change the design (take a set before, one after, and look at them side by side):
 *   npx tsx scripts/screenshots.ts --base-url http://127.0.0.1:3200 --out /tmp/shots [--seed] [--only kpis,field]
 * The server must allow many quick sign-ins (AUTH_SIGN_IN_MAX_PER_MINUTE=1000) and have the demo accounts
 * (embedded mode). --seed opens one incident (as the operator) if none exists, so the incident page has
 * something to show: use it only against a throwaway server, and on both sets alike.
 * Live figures, the clock and the simulated city move between runs: compare layout, not numbers.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, request, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import type { TRole } from "@/lib/contracts/auth";
import type { TIncident } from "@/lib/contracts/incidents";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../e2e/fixtures/auth";
import playwrightConfig from "../playwright.config";

type TViewer = TRole | "signed-out";
type TWidth = 1440 | 360;
type TContext = { page: Page; width: TWidth; incidentId: string | null };
/** A state of the page worth its own picture (a drawer, a sheet), reached from the page as loaded. */
type TState = { name: string; widths: TWidth[]; open: (page: Page, width: TWidth) => Promise<void> };
type TPageSpec = {
  name: string;
  /** null: nothing to show here (e.g. no incident exists and --seed was not given). */
  path: (context: Pick<TContext, "incidentId">) => string | null;
  viewers: TViewer[];
  ready: (page: Page) => Promise<void>;
  /** Taken for the first viewer only: the others' drawers look alike. */
  states?: TState[];
};
type TStorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

const VIEWPORTS: Record<TWidth, BrowserContextOptions> = {
  1440: { viewport: { width: 1440, height: 900 } },
  360: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
};
const READY_TIMEOUT_MS = 60_000;
const SETTLE_TIMEOUT_MS = 20_000;
const SEED_DESCRIPTION = "Screenshot incident: smoke from a parked car";

const { values } = parseArgs({
  options: {
    "base-url": { type: "string" },
    out: { type: "string" },
    seed: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const baseUrl = values["base-url"];
const outDir = values.out;
if (!baseUrl || !outDir) {
  console.error("Usage: npx tsx scripts/screenshots.ts --base-url http://127.0.0.1:PORT --out <dir> [--seed] [--only page,page]");
  process.exit(2);
}
const only = values.only ? new Set(values.only.split(",")) : null;

/** The control room is ready once its map drew the first snapshot and the live socket is connected. */
async function controlRoomReady(page: Page): Promise<void> {
  await page.locator('[data-testid=city-map][data-ready="true"]').waitFor({ timeout: READY_TIMEOUT_MS });
  await page.locator('[data-testid=connection-badge][data-status="live"]').waitFor({ timeout: READY_TIMEOUT_MS });
}

/**
 * Other pages: the main heading is there (phones may hide it), requests are done, nothing is marked busy
 * or "Loading…", and everything with a data-ready attribute (maps, the incident detail) says it is ready.
 * Each wait that runs out is reported rather than fatal: a picture of a stuck page is evidence too.
 */
async function pageReady(page: Page): Promise<void> {
  // Not getByRole: it skips a heading a phone layout hides.
  await page.locator("h1").first().waitFor({ state: "attached", timeout: READY_TIMEOUT_MS });
  await page.waitForLoadState("networkidle", { timeout: SETTLE_TIMEOUT_MS }).catch(() => warn("network never went idle"));
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !/Loading/.test(document.body.innerText), null, {
      timeout: SETTLE_TIMEOUT_MS,
    })
    .catch(() => warn("still busy or showing 'Loading'"));
  await page
    .waitForFunction(
      // The incident's location map gains its data-ready only once drawn.
      () =>
        [...document.querySelectorAll("[data-ready], .incident-location-map:not(.incident-location-map--empty)")].every(
          (element) => element.getAttribute("data-ready") === "true",
        ),
      null,
      { timeout: READY_TIMEOUT_MS },
    )
    .catch(() => warn("a map or panel never said data-ready"));
  await page.evaluate(() =>
    document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))),
  );
}

/** The phone sheets and the new-incident drawer: deterministic, unlike alerts, which come when the simulator makes them. */
const CONTROL_ROOM_STATES: TState[] = [
  {
    name: "layers",
    widths: [360],
    open: async (page) => {
      await page.getByRole("button", { name: /layers/i }).click();
      await page.getByTestId("toggle-traffic").waitFor({ state: "visible" });
    },
  },
  {
    name: "alerts",
    widths: [360],
    open: async (page) => {
      await page.getByRole("button", { name: /^Alerts/ }).click();
      await page.getByTestId("new-incident").waitFor({ state: "visible" });
    },
  },
  {
    name: "new-incident",
    widths: [1440, 360],
    open: async (page, width) => {
      if (width === 360) await page.getByRole("button", { name: /^Alerts/ }).click();
      await page.getByTestId("new-incident").click();
      await page.getByTestId("new-incident-drawer").waitFor({ state: "visible" });
    },
  },
];

/** On phones the navigation lives in the account menu. */
const ACCOUNT_MENU_STATE: TState = {
  name: "menu",
  widths: [1440, 360],
  open: async (page) => {
    const button = page.getByTestId("user-menu-button");
    // A click that lands before React hydrated the button does nothing: click until it says it is open.
    for (let attempt = 0; (await button.getAttribute("aria-expanded")) !== "true"; attempt++) {
      if (attempt === 5) throw new Error("the account menu does not open");
      await button.click();
      await page
        .locator('[data-testid=user-menu-button][aria-expanded="true"]')
        .waitFor({ timeout: 2_000 })
        .catch(() => {});
    }
  },
};

const PAGES: TPageSpec[] = [
  { name: "sign-in", path: () => "/sign-in", viewers: ["signed-out"], ready: pageReady },
  { name: "unavailable", path: () => "/unavailable", viewers: ["signed-out"], ready: pageReady },
  { name: "control-room", path: () => "/", viewers: ["operator", "supervisor"], ready: controlRoomReady, states: CONTROL_ROOM_STATES },
  { name: "handover", path: () => "/handover", viewers: ["operator", "supervisor"], ready: pageReady },
  { name: "history", path: () => "/history", viewers: ["supervisor"], ready: pageReady, states: [ACCOUNT_MENU_STATE] },
  {
    name: "incident",
    path: ({ incidentId }) => (incidentId ? `/history/incidents/${incidentId}` : null),
    viewers: ["supervisor"],
    ready: pageReady,
  },
  { name: "kpis", path: () => "/kpis", viewers: ["supervisor"], ready: pageReady },
  { name: "analysis", path: () => "/analysis", viewers: ["supervisor"], ready: pageReady },
  { name: "analysis-playback", path: () => "/analysis?mode=playback", viewers: ["supervisor"], ready: pageReady },
  { name: "rules", path: () => "/rules", viewers: ["supervisor"], ready: pageReady },
  { name: "units", path: () => "/units", viewers: ["supervisor", "admin"], ready: pageReady },
  { name: "audit", path: () => "/audit", viewers: ["supervisor", "admin"], ready: pageReady },
  { name: "dead-letters", path: () => "/dead-letters", viewers: ["supervisor", "admin"], ready: pageReady },
  { name: "field", path: () => "/field", viewers: ["field"], ready: pageReady },
  { name: "admin-users", path: () => "/admin/users", viewers: ["admin"], ready: pageReady },
  { name: "admin-api-keys", path: () => "/admin/api-keys", viewers: ["admin"], ready: pageReady },
  { name: "admin-cap-feeds", path: () => "/admin/cap-feeds", viewers: ["admin"], ready: pageReady },
  { name: "admin-zones", path: () => "/admin/zones", viewers: ["admin"], ready: pageReady },
  { name: "silences", path: () => "/silences", viewers: ["supervisor"], ready: pageReady },
  { name: "notifications", path: () => "/me/notifications", viewers: ["operator", "admin"], ready: pageReady },
];

const sessions = new Map<TRole, TStorageState>();
const warnings: string[] = [];
const failures: string[] = [];
const written: string[] = [];
let current = "";

function warn(message: string): void {
  warnings.push(`${current}: ${message}`);
}

/** A session per role through the real sign-in endpoint, kept as storage state for every context of that role. */
async function signIn(role: TRole): Promise<TStorageState> {
  const api = await request.newContext({ baseURL: baseUrl });
  try {
    // better-auth refuses cookie-bearing POSTs without a trusted Origin, as a browser sends.
    const response = await api.post("/api/auth/sign-in/email", {
      data: { email: DEMO_EMAIL[role], password: DEMO_PASSWORD },
      headers: { Origin: new URL(baseUrl!).origin },
    });
    if (!response.ok()) throw new Error(`sign-in as ${role}: ${response.status()} ${await response.text()}`);
    return await api.storageState();
  } finally {
    await api.dispose();
  }
}

/** An incident to show on the incident page: the seeded one (created once), else the first open one, else none. */
async function findIncident(operatorState: TStorageState): Promise<string | null> {
  const api = await request.newContext({
    baseURL: baseUrl,
    storageState: operatorState,
    extraHTTPHeaders: { Origin: new URL(baseUrl!).origin },
  });
  try {
    const incidents = (await (await api.get("/api/incidents")).json()) as TIncident[];
    const seeded = incidents.find((incident) => incident.description === SEED_DESCRIPTION);
    if (seeded) return seeded.id;
    if (!values.seed) return incidents[0]?.id ?? null;
    const created = await api.post("/api/incidents", {
      data: { type: "fire", priority: "P2", location: [-85.632515, 41.94564], address: "Main Street", description: SEED_DESCRIPTION },
    });
    if (!created.ok()) throw new Error(`seeding an incident: ${created.status()} ${await created.text()}`);
    return ((await created.json()) as TIncident).id;
  } finally {
    await api.dispose();
  }
}

async function shoot(page: Page, file: string): Promise<void> {
  const target = path.join(outDir!, `${file}.png`);
  await page.screenshot({ path: target, fullPage: true, animations: "disabled", caret: "hide" });
  written.push(target);
}

async function capture(
  browser: Browser,
  spec: TPageSpec,
  viewer: TViewer,
  width: TWidth,
  context: Omit<TContext, "page" | "width">,
  states: TState[],
) {
  const target = spec.path(context);
  current = `${viewer}-${spec.name}-${width}`;
  if (!target) {
    warnings.push(`${current}: skipped (no incident; pass --seed to create one)`);
    return;
  }
  const storageState = viewer === "signed-out" ? undefined : sessions.get(viewer);
  const browserContext = await browser.newContext({ ...VIEWPORTS[width], baseURL: baseUrl, storageState });
  const page = await browserContext.newPage();
  try {
    // The unavailable page returns to the app as soon as the server answers ready: hold it on the page.
    if (spec.name === "unavailable") await page.route("**/api/health/ready", (route) => route.fulfill({ status: 503, body: "{}" }));
    await page.goto(target);
    const landed = new URL(page.url());
    if (landed.pathname !== new URL(target, baseUrl).pathname) throw new Error(`redirected to ${landed.pathname}${landed.search}`);
    await spec.ready(page);
    await shoot(page, current);
    for (const state of states.filter((s) => s.widths.includes(width))) {
      current = `${viewer}-${spec.name}-${state.name}-${width}`;
      await state.open(page, width);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await shoot(page, current);
      // Each state starts from the page as loaded.
      await page.reload();
      await spec.ready(page);
    }
  } catch (error) {
    failures.push(`${current}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  } finally {
    await browserContext.close();
  }
}

const roles = [...new Set(PAGES.flatMap((spec) => spec.viewers))].filter((viewer): viewer is TRole => viewer !== "signed-out");
for (const role of roles) sessions.set(role, await signIn(role));
const incidentId = await findIncident(sessions.get("operator")!);

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
try {
  for (const spec of PAGES.filter((s) => !only || only.has(s.name))) {
    for (const viewer of spec.viewers) {
      for (const width of [1440, 360] as const) {
        const states = viewer === spec.viewers[0] ? (spec.states ?? []) : [];
        await capture(browser, spec, viewer, width, { incidentId }, states);
      }
    }
  }
} finally {
  await browser.close();
}

console.log(`${written.length} screenshots written:`);
for (const file of written) console.log(`  ${file}`);
if (warnings.length) console.log(`\nWarnings:\n${warnings.map((w) => `  ${w}`).join("\n")}`);
if (failures.length) {
  console.error(`\nFailed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
  process.exit(1);
}
