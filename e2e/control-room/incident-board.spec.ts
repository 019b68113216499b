import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import type { TAlert } from "../../lib/contracts/alerts";
import type { TCityConfigResponse } from "../../lib/contracts/city-api";
import type { TIncident } from "../../lib/contracts/incidents";
import type { TUnitList } from "../../lib/contracts/units";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";
import { openControlRoom } from "../fixtures/control-room";
import { api, confirmPendingHandover } from "../fixtures/operations";

/** The demo field user's unit (M-1) stays free for the dispatch-and-phone test. */
const isSpare = (unit: TUnitList["units"][number]) => unit.status === "available" && unit.id !== "unit-m-1";

async function phonedInIncident(page: Page, description: string): Promise<TIncident> {
  const { manifest } = await api<TCityConfigResponse>(page, "GET", "/api/city");
  return api<TIncident>(page, "POST", "/api/incidents", {
    type: "medical",
    priority: "P1",
    location: manifest.center,
    address: "Main St & Portage Ave",
    description,
  });
}

test.describe
  .serial("the control room as a dispatcher runs it", () => {
    test.setTimeout(240_000);
    let page: Page;

    test.beforeAll(async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      await signInAs(page, "operator");
      await openControlRoom(page);
    });
    test.afterAll(async () => {
      await page?.context().close();
    });

    test("a phoned-in incident with no alert and no unit is on the incident board; its drawer is in the URL, Back and Escape close it", async () => {
      const incident = await phonedInIncident(page, `Phoned-in fall, no alert (${Date.now()})`);
      await page.getByTestId("side-panel-tab-incidents").click();
      const row = page.getByTestId(`incident-row-${incident.number}`);
      await expect(row).toContainText("Medical");
      await expect(row).toContainText("Main St & Portage Ave");
      await expect(row.getByTestId("incident-units")).toHaveText("No unit");
      await expect(page.getByTestId("side-panel-tab-incidents").getByTestId("incident-count")).not.toHaveText("0");
      await page.screenshot({ path: `${SCREENSHOTS}/incident-board-1440.png` });

      // Opening it puts it in the URL and highlights the row.
      const rowButton = row.getByRole("button");
      await rowButton.click();
      await expect(page.getByTestId("incident-drawer")).toContainText(incident.number);
      await expect(page).toHaveURL((url) => url.searchParams.get("incident") === incident.id);
      await expect(rowButton).toHaveAttribute("aria-pressed", "true");

      // Back closes the drawer and stays on the live map.
      await page.goBack();
      await expect(page.getByTestId("incident-drawer")).toBeHidden();
      await expect(page).toHaveURL((url) => url.pathname === "/" && !url.searchParams.has("incident"));
      await expect(page.getByTestId("city-map")).toHaveAttribute("data-ready", "true");

      // Escape closes it too, and focus returns to the row that opened it.
      await rowButton.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("incident-drawer")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(page.getByTestId("incident-drawer")).toBeHidden();
      await expect(rowButton).toBeFocused();
      await expect(page).toHaveURL((url) => !url.searchParams.has("incident"));

      // A shared link opens the same drawer on a fresh page.
      const shared = await page.context().newPage();
      await shared.goto(`/?incident=${incident.id}`);
      await expect(shared.getByTestId("incident-drawer")).toContainText(incident.number);
      await shared.close();
    });

    test("a crew's Need backup takes the critical banner and the queue, linked to its incident, until acknowledged; a double-click acknowledges once", async () => {
      const incident = await phonedInIncident(page, `Assault in progress (${Date.now()})`);
      const { units } = await api<TUnitList>(page, "GET", "/api/units");
      const unit = units.find((u) => isSpare(u) && u.type === "police") ?? units.find(isSpare)!;
      await api(page, "POST", `/api/incidents/${incident.id}/dispatch`, { unitIds: [unit.id] });
      await api(page, "POST", `/api/units/${unit.id}/actions`, {
        idempotencyKey: randomUUID(),
        action: "needBackup",
        text: "crowd gathering",
      });

      const banner = page.getByTestId("critical-banner");
      await expect(banner).toContainText(`${unit.callSign} needs backup on ${incident.number}`);
      const alerts = await api<TAlert[]>(page, "GET", "/api/alerts");
      const backup = alerts.find((a) => a.incidentId === incident.id && a.ruleId === "unit.backup")!;
      expect(backup.severity).toBe("critical");
      await page.getByTestId("side-panel-tab-alerts").click();
      await expect(page.locator(`[data-testid="alert-row"][data-alert-id="${backup.id}"]`)).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/backup-banner-1440.png` });

      // Opened from the banner: the alert's drawer, in the URL; a fast double-click on Acknowledge sends one request.
      await banner.getByRole("button", { name: "View" }).click();
      await expect(page).toHaveURL((url) => url.searchParams.get("alert") === backup.id);
      const acknowledgements: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && request.url().endsWith(`/api/alerts/${backup.id}/acknowledge`))
          acknowledgements.push(request.url());
      });
      await page.getByTestId("alert-acknowledge").dblclick();
      await expect(page.getByTestId("alert-drawer-status")).toContainText(/Acknowledged/i);
      await expect(page.getByTestId("alert-drawer")).not.toContainText(/changed by someone else|already acknowledged/i);
      expect(acknowledgements).toHaveLength(1);
      await expect(page.locator(`[data-testid="critical-banner"][data-alert-id="${backup.id}"]`)).toBeHidden();

      // Acknowledging answered the crew: their flag is gone and the incident's timeline says who answered.
      await expect
        .poll(async () => (await api<TUnitList>(page, "GET", "/api/units")).units.find((u) => u.id === unit.id)?.needsBackup)
        .toBe(false);
      await page.goto(`/?incident=${incident.id}`);
      await expect(page.getByTestId("incident-timeline")).toContainText(`Backup request from ${unit.callSign} acknowledged`);
    });

    test("a handover waiting to be read does not cover a critical alert: the banner stays in view, undimmed", async ({ browser }) => {
      // A critical alert (a crew asking for backup) and a handover from the supervisor, both waiting for Olivia.
      const incident = await phonedInIncident(page, `Fight outside the bar (${Date.now()})`);
      const { units } = await api<TUnitList>(page, "GET", "/api/units");
      const unit = units.find((u) => isSpare(u) && u.type !== "police") ?? units.find(isSpare)!;
      await api(page, "POST", `/api/incidents/${incident.id}/dispatch`, { unitIds: [unit.id] });
      await api(page, "POST", `/api/units/${unit.id}/actions`, { idempotencyKey: randomUUID(), action: "needBackup" });
      const supervisorContext = await browser.newContext();
      const supervisor = await supervisorContext.newPage();
      await signInAs(supervisor, "supervisor");
      const draft = await api<{ summary: unknown }>(supervisor, "GET", "/api/handover/draft");
      await api(supervisor, "POST", "/api/handover", { note: "Night shift: watch the bar district.", summary: draft.summary });
      await supervisorContext.close();

      await page.goto("/");
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      const banner = page.getByTestId("critical-banner");
      await expect(banner).toContainText(`${unit.callSign} needs backup`);
      const bannerBox = (await banner.boundingBox())!;
      const dialogBox = (await dialog.boundingBox())!;
      expect(dialogBox.y).toBeGreaterThanOrEqual(bannerBox.y + bannerBox.height);
      // Nor is the dialog's dimmed backdrop drawn over it: the backdrop starts where the banner ends.
      const backdropTop = await dialog.evaluate((element) => Number.parseFloat(getComputedStyle(element, "::backdrop").top));
      expect(backdropTop).toBeGreaterThanOrEqual(bannerBox.y + bannerBox.height - 1);
      await page.screenshot({ path: `${SCREENSHOTS}/handover-under-critical-banner-1440.png` });
      await confirmPendingHandover(page);
    });
  });
