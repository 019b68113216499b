import { expect, test, type Browser, type Page } from "@playwright/test";
import { SCREENSHOTS, horizontalOverflow, postSignIn, signInAs } from "../fixtures/auth";
import { openControlRoom } from "../fixtures/control-room";
import { pickablePoint } from "../fixtures/map-picking";
import { api, incidentsOnMap, resolveAlertsOf, tuneRule } from "../fixtures/operations";

/**
 * Two people in the control room at once: Olivia (demo operator) and Oscar, a second operator the
 * admin creates for this run; Sam the supervisor tunes rules and works the same queue.
 */
const RULE_ID = "parking.lot-full";
const SECOND_OPERATOR = { name: "Oscar Operator", password: "oscar-operator-e2e", email: "" };

async function openAsSecondOperator(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const response = await postSignIn(page, SECOND_OPERATOR.email, SECOND_OPERATOR.password);
  expect(response.status(), await response.text()).toBe(200);
  await openControlRoom(page);
  return page;
}

async function openAs(browser: Browser, role: "operator" | "supervisor", width = 1440, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await signInAs(page, role);
  await openControlRoom(page);
  return page;
}

test.describe
  .serial("alerts and incidents", () => {
    let restoreRule: ((supervisor: Page) => Promise<void>) | null = null;
    // Two software-rendered maps per test: more than the default budget.
    test.setTimeout(240_000);

    test.beforeAll(async ({ browser }) => {
      const supervisor = await openAs(browser, "supervisor");
      // Every lot is "full" at once: parking alerts open within seconds, as critical to raise the banner.
      restoreRule = await tuneRule(supervisor, RULE_ID, {
        severity: "critical",
        sustainSeconds: 0,
        params: { metric: "occupancy", openAbove: 0.01, clearBelow: 0.005 },
      });
      await supervisor.context().close();

      const admin = await (await browser.newContext()).newPage();
      await signInAs(admin, "admin");
      SECOND_OPERATOR.email = `oscar.${Date.now()}@citynerve.local`;
      await api(admin, "POST", "/api/admin/users", { ...SECOND_OPERATOR, role: "operator" });
      await admin.context().close();
    });

    test.afterAll(async ({ browser }) => {
      const supervisor = await openAs(browser, "supervisor");
      await restoreRule?.(supervisor);
      await resolveAlertsOf(supervisor, RULE_ID);
      await supervisor.context().close();
    });

    test("an alert reaches both operators; one acknowledges, the other sees it live and a stale attempt gets 409", async ({ browser }) => {
      const olivia = await openAs(browser, "operator");
      const oscar = await openAsSecondOperator(browser);

      // The same alert appears in both queues without a reload.
      const firstRow = olivia.getByTestId("alert-row").filter({ hasText: "Parking lot full" }).first();
      await expect(firstRow).toBeVisible({ timeout: 60_000 });
      const alertId = (await firstRow.getAttribute("data-alert-id"))!;
      // By id from here on: "the first row" is another alert once a more recent one is queued above it.
      const sameRow = `[data-testid="alert-row"][data-alert-id="${alertId}"]`;
      const oscarRow = oscar.locator(sameRow);
      await expect(oscarRow).toBeVisible();
      await expect(oscarRow).toHaveAttribute("data-status", "open");
      await expect(olivia.getByTestId("critical-banner")).toBeVisible();

      // Both open it. Oscar's acknowledge is held on the wire until Olivia's has landed: his view is stale.
      await olivia.locator(sameRow).click();
      await oscarRow.click();
      await expect(olivia.getByTestId("alert-drawer")).toBeVisible();
      await expect(oscar.getByTestId("alert-drawer")).toBeVisible();
      let releaseOscar!: () => void;
      const oscarMayGo = new Promise<void>((resolve) => (releaseOscar = resolve));
      await oscar.route(`**/api/alerts/${alertId}/acknowledge`, async (route) => {
        await oscarMayGo;
        await route.continue();
      });
      await oscar.getByTestId("alert-acknowledge").click();

      await olivia.getByTestId("alert-acknowledge").click();
      await expect(olivia.getByTestId("drawer-feedback")).toContainText("Acknowledged.");
      await expect(olivia.getByTestId("alert-drawer-status")).toContainText("Acknowledged by Olivia Operator");

      // Oscar sees it acknowledged without a reload (the socket patched his cache)…
      await expect(oscarRow).toHaveAttribute("data-status", "acknowledged");
      await expect(oscarRow).toContainText("Acknowledged by Olivia Operator");
      // …and his stale attempt answers 409, explained with the state that won.
      releaseOscar();
      await expect(oscar.getByTestId("drawer-feedback")).toContainText("Already acknowledged by Olivia Operator");
      await expect(oscar.getByTestId("alert-drawer-status")).toContainText("Acknowledged by Olivia Operator");

      // The selected alert's entity is ringed on the map.
      const ring = await olivia.evaluate(() => {
        const layer = window.__citynerve!.deckLayers().find((l) => l.id === "alert-highlight");
        return { visible: layer?.props.visible, rings: (layer?.props.data as unknown[] | undefined)?.length };
      });
      expect(ring).toEqual({ visible: true, rings: 2 });

      // The fly-to settles before the picture.
      await olivia.waitForFunction(() => window.__citynerve!.map.loaded() && !window.__citynerve!.map.isMoving());
      await olivia.screenshot({ path: `${SCREENSHOTS}/alerts-1440-drawer.png` });
      await oscar.screenshot({ path: `${SCREENSHOTS}/alerts-1440-conflict.png` });
      await olivia.context().close();
      await oscar.context().close();
    });

    test("a phoned-in incident placed on the map appears for everyone", async ({ browser }) => {
      const olivia = await openAs(browser, "operator");
      const sam = await openAs(browser, "supervisor");
      const description = `Caller reports smoke from a garage (${Date.now()})`;

      await olivia.getByTestId("new-incident").click();
      const form = olivia.getByTestId("new-incident-drawer");
      await expect(form).toBeVisible();
      await form.getByLabel("Type").selectOption("fire");
      await form.getByLabel("Priority").selectOption("P1");
      await form.getByLabel("What happened").fill(description);
      await form.getByLabel("Address").fill("120 N Main St");
      // The location is picked by clicking the map, in the part the panels leave free.
      const map = olivia.getByTestId("city-map");
      const box = (await map.boundingBox())!;
      await olivia.mouse.click(box.x + 500, box.y + box.height / 2);
      await expect(form.getByLabel("Latitude")).not.toHaveValue("");
      const pin = await olivia.evaluate(() => window.__citynerve!.deckLayers().find((l) => l.id === "incident-pin")?.props.visible);
      expect(pin).toBe(true);
      await form.getByTestId("create-incident").click();

      const drawer = olivia.getByTestId("incident-drawer");
      await expect(drawer).toBeVisible();
      await expect(drawer).toContainText(description);
      await expect(drawer.getByTestId("incident-status")).toHaveText("New");
      await expect(drawer.getByTestId("incident-timeline")).toContainText("Incident created");

      // On Olivia's map, and on Sam's through the socket.
      await expect.poll(async () => (await incidentsOnMap(olivia)).some((i) => i.description === description)).toBe(true);
      await expect.poll(async () => (await incidentsOnMap(sam)).some((i) => i.description === description)).toBe(true);

      // Moving it along its status flow lands on the timeline with who did it.
      await drawer.getByTestId("incident-next-status").click();
      await expect(drawer.getByTestId("incident-status")).toHaveText("Acknowledged");
      await expect(drawer.getByTestId("incident-timeline")).toContainText("Status New → Acknowledged");
      await expect(drawer.getByTestId("incident-timeline")).toContainText("Olivia Operator");

      // Sam opens it from its marker on his map.
      const incidentId = (await incidentsOnMap(sam)).find((i) => i.description === description)!.id;
      const point = await pickablePoint(sam, { layerId: "incidents", id: incidentId });
      await sam.mouse.click(point.x, point.y);
      await expect(sam.getByTestId("incident-drawer")).toContainText(description);
      await expect(sam.getByTestId("incident-drawer").getByTestId("incident-status")).toHaveText("Acknowledged");

      await olivia.screenshot({ path: `${SCREENSHOTS}/incident-1440-drawer.png` });
      await olivia.context().close();
      await sam.context().close();
    });

    test("works on a 360 px phone: alerts sheet, drawer and layers take turns", async ({ browser }) => {
      const olivia = await openAs(browser, "operator", 360, 740);
      expect(await horizontalOverflow(olivia)).toBeLessThanOrEqual(0);
      const alertsHandle = olivia.getByRole("button", { name: /^Alerts/ });
      await alertsHandle.click();
      const row = olivia.getByTestId("alert-row").first();
      await expect(row).toBeVisible({ timeout: 60_000 });
      await olivia.screenshot({ path: `${SCREENSHOTS}/alerts-360-queue.png` });

      // One sheet at a time: while alerts are open the layer handle steps aside, and the other way round.
      const layersHandle = olivia.getByRole("button", { name: /layers/i });
      await expect(layersHandle).toBeHidden();
      await alertsHandle.click();
      await layersHandle.click();
      await expect(olivia.getByTestId("toggle-traffic")).toBeVisible();
      await expect(alertsHandle).toBeHidden();
      await layersHandle.click();
      await alertsHandle.click();
      await expect(row).toBeVisible();

      await row.click();
      await expect(olivia.getByTestId("alert-drawer")).toBeVisible();
      expect(await horizontalOverflow(olivia)).toBeLessThanOrEqual(0);
      await olivia.screenshot({ path: `${SCREENSHOTS}/alerts-360-drawer.png` });
      await olivia.keyboard.press("Escape");
      await expect(olivia.getByTestId("alert-drawer")).toBeHidden();
      await olivia.context().close();
    });
  });
