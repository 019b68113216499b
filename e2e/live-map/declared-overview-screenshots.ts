/**
 * Screenshots of the metro at city zoom with a declared layer on (its sensors counted in the squares), at 1440 and
 * 360 px, against a running server of a NEXT_PUBLIC_TEST_HOOKS=1 build with CITY_PACK=metro:
 *
 *   SHOTS_URL=http://127.0.0.1:3131 npx tsx e2e/live-map/declared-overview-screenshots.ts
 */
import { chromium, type Page } from "@playwright/test";
import config from "../../playwright.config";
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS } from "../fixtures/auth";

const BASE_URL = process.env.SHOTS_URL ?? "http://127.0.0.1:3131";
const DOMAIN = process.env.SHOTS_DOMAIN ?? "street-lighting";
const BUILT_IN = ["traffic", "parking", "waste", "energy"];

async function openMetro(page: Page) {
  await page.goto(`${BASE_URL}/`);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="city-map"]')?.getAttribute("data-ready") === "true" &&
      document.querySelector('[data-testid="connection-badge"]')?.getAttribute("data-status") === "live" &&
      window.__citynerve?.store.getView().mode === "overview",
    null,
    { timeout: 240_000, polling: 1000 },
  );
}

/** Waits until the summaries carry the domain's rows and the map has settled. */
async function waitForDeclaredSquares(page: Page) {
  await page.waitForFunction((domain) => window.__citynerve!.store.getSummaries()?.tiles.some((t) => t.declared?.[domain]), DOMAIN, {
    timeout: 60_000,
  });
  await page.waitForFunction(() => window.__citynerve!.map.loaded() && !window.__citynerve!.map.isMoving());
}

/** Screen point of the middle of the square with the most of the domain's sensors at high or critical (once there is one). */
async function worstSquare(page: Page): Promise<{ x: number; y: number }> {
  const handle = await page.waitForFunction((domain) => {
    const debug = window.__citynerve!;
    const tiles = (debug.store.getSummaries()?.tiles ?? []).filter((t) => t.declared?.[domain]);
    if (tiles.length === 0 || debug.map.isMoving()) return null;
    // No named helpers in here: tsx would wrap them in a __name() the page does not have.
    let worst = tiles[0]!;
    for (const t of tiles)
      if (t.declared![domain]![3] + t.declared![domain]![4] > worst.declared![domain]![3] + worst.declared![domain]![4]) worst = t;
    const [x, y] = worst.tile.split("/").map(Number) as [number, number];
    const n = 2 ** 14;
    const lon = ((x + 0.5) / n) * 360 - 180;
    const lat = (180 / Math.PI) * Math.atan(Math.sinh(Math.PI - (2 * Math.PI * (y + 0.5)) / n));
    const point = debug.map.project([lon, lat]);
    const box = debug.map.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, DOMAIN);
  return (await handle.jsonValue())!;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: config.use?.launchOptions?.executablePath ?? "/usr/bin/chromium",
    args: config.use?.launchOptions?.args ?? [],
  });
  try {
    for (const [width, height] of [
      [1440, 900],
      [360, 740],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height }, baseURL: BASE_URL });
      const page = await context.newPage();
      page.setDefaultTimeout(180_000);
      const signIn = await page.request.post("/api/auth/sign-in/email", {
        data: { email: DEMO_EMAIL.operator, password: DEMO_PASSWORD },
        headers: { Origin: BASE_URL },
      });
      if (signIn.status() !== 200) throw new Error(`sign-in answered ${signIn.status()}`);
      await openMetro(page);
      const isPhone = width < 640;
      const panel = page.getByRole("region", { name: "Map layers" }).or(page.locator(".layer-panel")).first();
      if (isPhone) await panel.getByText("Layers", { exact: true }).click();
      for (const layer of BUILT_IN) await page.getByTestId(`toggle-${layer}`).click();
      await page.getByTestId(`toggle-${DOMAIN}`).click();
      await waitForDeclaredSquares(page);
      await page.getByTestId(`legend-${DOMAIN}`).waitFor();
      if (isPhone) {
        await page.getByTestId(`legend-${DOMAIN}`).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SCREENSHOTS}/declared-overview-panel-${width}.png` });
        await panel.getByText("Layers", { exact: true }).click();
        await page.waitForFunction(() => window.__citynerve!.map.loaded() && !window.__citynerve!.map.isMoving());
      }
      const { x, y } = await worstSquare(page);
      await page.mouse.move(x, y);
      await page.getByTestId("area-summary-tooltip").waitFor({ timeout: 20_000 });
      await page.screenshot({ path: `${SCREENSHOTS}/declared-overview-${width}.png` });
      console.log(`${SCREENSHOTS}/declared-overview-${width}.png`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
