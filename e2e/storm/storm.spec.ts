import { expect, test, type Browser, type Page } from "@playwright/test";
import type { TAlert } from "../../lib/contracts/alerts";
import type { TRuleSetting } from "../../lib/contracts/rules";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";
import { api, resolveAlertsOf } from "../fixtures/operations";

/**
 * A storm in the demo city: a supervisor sets "Slow traffic" at the speed three quarters of the city's segments are under, with no
 * sustain and no hysteresis, so hundreds of segments alert within seconds, neighbours correlate into groups and the
 * segments whose speed hovers at the line flap. The operator works the queue: one action for a whole group,
 * a long queue that scrolls and is walked with the keyboard.
 */
const RULE_ID = "traffic.slow-segment";

async function openAs(browser: Browser, role: "operator" | "supervisor", width = 1440, height = 900): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await signInAs(page, role);
  await page.goto("/");
  // The storm loads the 2-core machine the tests share: the software-rendered map's first render gets more time here.
  await expect(page.getByTestId("city-map")).toHaveAttribute("data-ready", "true", { timeout: 200_000 });
  await expect(page.getByTestId("connection-badge")).toHaveAttribute("data-status", "live");
  return page;
}

/** The 75th percentile of the speed shares (speed / free flow) this page has seen: the line three quarters of the city is under. */
function medianSpeedShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const debug = window.__citynerve;
    if (!debug?.entities) return 0;
    const shares: number[] = [];
    for (const [id, segment] of debug.entities!.segments) {
      const event = debug.store.get("traffic", id) as { averageVehicleSpeed?: number } | undefined;
      if (event?.averageVehicleSpeed !== undefined) shares.push(event.averageVehicleSpeed / segment.freeFlowKmh);
    }
    shares.sort((a, b) => a - b);
    return shares[Math.floor(shares.length * 0.75)] ?? 0;
  });
}

test.describe
  .serial("alarm storm", () => {
    test.setTimeout(420_000);
    let before: TRuleSetting | undefined;
    let tunedVersion = 0;

    test.beforeAll(async ({ browser }) => {
      // Hooks keep the default budget unless told: a software-rendered map on a busy machine needs more.
      test.setTimeout(300_000);
      const supervisor = await openAs(browser, "supervisor");
      await expect.poll(() => medianSpeedShare(supervisor), { timeout: 60_000 }).toBeGreaterThan(0);
      const median = Math.min(0.999, Number((await medianSpeedShare(supervisor)).toFixed(3)));
      before = (await api<TRuleSetting[]>(supervisor, "GET", "/api/rules")).find((s) => s.rule.id === RULE_ID);
      const tuned = await api<TRuleSetting>(supervisor, "PUT", `/api/rules/${RULE_ID}`, {
        version: before!.version,
        severity: "major",
        sustainSeconds: 0,
        clearSustainSeconds: 0,
        flapMaxChanges: 2,
        flapWindowMinutes: 10,
        params: { metric: "speedShare", openBelow: median, clearAbove: median },
      });
      tunedVersion = tuned.version;
      await supervisor.context().close();
    });

    test.afterAll(async ({ browser }) => {
      test.setTimeout(300_000);
      const supervisor = await openAs(browser, "supervisor");
      if (before?.isDefault) await api(supervisor, "POST", `/api/rules/${RULE_ID}/reset`, { version: tunedVersion });
      else if (before) {
        const { severity, sustainSeconds, clearSustainSeconds, params } = before.rule;
        await api(supervisor, "PUT", `/api/rules/${RULE_ID}`, {
          version: tunedVersion,
          severity,
          sustainSeconds,
          clearSustainSeconds,
          params,
        });
      }
      await resolveAlertsOf(supervisor, RULE_ID);
      await supervisor.context().close();
    });

    test("a long queue renders only the rows in view, scrolls, and is walked with the keyboard", async ({ browser }) => {
      const olivia = await openAs(browser, "operator");
      const queue = olivia.getByTestId("alert-queue");
      await expect.poll(async () => Number(await queue.getAttribute("data-count")), { timeout: 120_000 }).toBeGreaterThan(60);
      const total = Number(await queue.getAttribute("data-count"));
      expect(await olivia.getByTestId("alert-row").count()).toBeLessThan(60);

      await olivia.getByTestId("alert-row").first().focus();
      await olivia.keyboard.press("ArrowDown");
      const second = await olivia.evaluate(() => document.activeElement?.closest("li")?.getAttribute("data-index"));
      expect(second).toBe("1");
      await olivia.keyboard.press("End");
      await expect
        .poll(() => olivia.evaluate(() => Number(document.activeElement?.closest("li")?.getAttribute("data-index"))))
        .toBeGreaterThan(total - 5);
      // The last rows are on screen now, the first ones are not in the DOM any more.
      await expect(olivia.locator('li[data-index="0"]')).toHaveCount(0);
      await olivia.keyboard.press("Home");
      await expect.poll(() => olivia.evaluate(() => document.activeElement?.closest("li")?.getAttribute("data-index"))).toBe("0");
      // Mouse wheel scrolling draws the rows it reaches, each one a focusable button.
      await olivia.getByTestId("alert-queue-scroller").hover();
      await olivia.mouse.wheel(0, 4_000);
      const reached = olivia.getByTestId("alert-row").last();
      await expect(reached).toBeVisible();
      await reached.focus();
      await expect(reached).toBeFocused();
      await olivia.context().close();
    });

    test("an operator acknowledges a correlation group in one action; every alert of it shows acknowledged", async ({ browser }) => {
      const olivia = await openAs(browser, "operator");
      await expect
        .poll(async () => Number(await olivia.getByTestId("alert-queue").getAttribute("data-count")), { timeout: 90_000 })
        .toBeGreaterThan(20);
      // A group with open members whose row is drawn now (the queue draws only the rows in view).
      const alerts = await api<TAlert[]>(olivia, "GET", "/api/alerts");
      const openByGroup = new Map<string, TAlert[]>();
      for (const a of alerts)
        if (a.correlationGroup && a.status === "open")
          openByGroup.set(a.correlationGroup, [...(openByGroup.get(a.correlationGroup) ?? []), a]);
      const drawnGroups = await olivia.getByTestId("alert-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-group")));
      const groupId = drawnGroups.find((g) => g && (openByGroup.get(g)?.length ?? 0) >= 2);
      expect(groupId, "a group of two or more open alerts is on screen").toBeTruthy();

      await olivia.locator(`[data-testid="alert-row"][data-group="${groupId}"]`).first().click();
      const bar = olivia.getByTestId("alert-group-bar");
      await expect(bar).toBeVisible();
      await olivia.screenshot({ path: `${SCREENSHOTS}/storm-1440-queue.png` });
      await bar.getByTestId("group-acknowledge").click();
      await expect(bar.getByTestId("group-feedback")).toContainText(/\d+ alerts? acknowledged/);

      const after = await api<TAlert[]>(olivia, "GET", "/api/alerts");
      const members = after.filter((a) => a.correlationGroup === groupId);
      const acknowledgedIds = new Set(openByGroup.get(groupId!)!.map((a) => a.id));
      // Every member this browser acknowledged is acknowledged, on the server and in every drawn row of the group.
      for (const a of members.filter((m) => acknowledgedIds.has(m.id))) expect(a.status).toBe("acknowledged");
      for (const row of await olivia.locator(`[data-testid="alert-row"][data-group="${groupId}"]`).all()) {
        if (acknowledgedIds.has((await row.getAttribute("data-alert-id"))!))
          await expect(row).toHaveAttribute("data-status", "acknowledged");
      }
      await olivia.context().close();
    });

    test("screenshots: a flapping alert and a group in the queue at 1440 and 360 px", async ({ browser }) => {
      const olivia = await openAs(browser, "operator");
      // Segments at the line flap: more than 2 changes in 10 min make one flapping alert each.
      await expect
        .poll(async () => (await api<TAlert[]>(olivia, "GET", "/api/alerts")).some((a) => a.flapping), { timeout: 150_000 })
        .toBe(true);
      const flapping = (await api<TAlert[]>(olivia, "GET", "/api/alerts")).find((a) => a.flapping)!;
      await olivia.getByTestId("alert-row").first().focus();
      for (let i = 0; i < 400; i++) {
        if (await olivia.locator(`[data-testid="alert-row"][data-alert-id="${flapping.id}"]`).count()) break;
        await olivia.keyboard.press("ArrowDown");
      }
      const row = olivia.locator(`[data-testid="alert-row"][data-alert-id="${flapping.id}"]`);
      await row.click();
      await expect(row.getByTestId("flapping-chip")).toContainText(/Flapping · \d+ changes? in 10 min/);
      await expect(olivia.getByTestId("alert-drawer").getByTestId("flapping-chip")).toBeVisible();
      await olivia.screenshot({ path: `${SCREENSHOTS}/storm-1440-flapping.png` });
      await olivia.context().close();

      const phone = await openAs(browser, "operator", 360, 740);
      await phone.getByRole("button", { name: /^Alerts/ }).click();
      await expect(phone.getByTestId("alert-row").first()).toBeVisible();
      const phoneRow = phone.locator('[data-testid="alert-row"][data-flapping="true"]').first();
      await phone.getByTestId("alert-row").first().focus();
      for (let i = 0; i < 400 && (await phoneRow.count()) === 0; i++) await phone.keyboard.press("ArrowDown");
      await phoneRow.scrollIntoViewIfNeeded();
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: `${SCREENSHOTS}/storm-360-queue.png` });
      await phoneRow.click();
      await expect(phone.getByTestId("alert-group-bar").or(phone.getByTestId("alert-drawer")).first()).toBeVisible();
      await phone.screenshot({ path: `${SCREENSHOTS}/storm-360-drawer.png` });
      await phone.context().close();
    });
  });
