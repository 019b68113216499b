import { expect, test, type Browser, type Page } from "@playwright/test";
import type { TCityConfigResponse } from "../../lib/contracts/city-api";
import type { TIncident, TIncidentDetail } from "../../lib/contracts/incidents";
import type { TUnitList } from "../../lib/contracts/units";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";
import { openControlRoom } from "../fixtures/control-room";
import { pickablePoint } from "../fixtures/map-picking";
import { api } from "../fixtures/operations";

/** The demo field user (Fiona) crews this EMS unit (seeded with the demo accounts). */
const FIONA_UNIT = "unit-m-1";
const FIONA_CALL_SIGN = "M-1";

async function openOperator(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, "operator");
  await openControlRoom(page);
  return page;
}

async function openFieldPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signInAs(page, "field");
  await page.goto("/field");
  return page;
}

/** Clicks the incident's marker on the operator's map, which opens its drawer. */
async function openIncidentFromMap(page: Page, incidentId: string): Promise<void> {
  // Close in: other specs' incidents a few hundred metres away must not share its pixels.
  const point = await pickablePoint(page, { layerId: "incidents", id: incidentId, zoom: 18 });
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId("incident-drawer")).toBeVisible();
  // The drawer that opened is this incident's, not another one's on the same spot.
  await expect(page).toHaveURL((url) => url.searchParams.get("incident") === incidentId);
}

/** A spot of this test's own, a few hundred metres off the centre where other specs place their calls. */
function offCentre([lng, lat]: readonly number[]): [number, number] {
  return [lng + 0.004, lat - 0.003];
}

test.describe
  .serial("dispatch and the field crew's phone", () => {
    test.setTimeout(240_000);

    test("an operator dispatches Fiona's unit; her phone gets it, she reports en route and on scene offline, and the operator sees both once, in order", async ({
      browser,
    }) => {
      const olivia = await openOperator(browser);
      const fiona = await openFieldPhone(browser);
      await expect(fiona.getByTestId("field-unit")).toHaveAttribute("data-status", "available");
      await expect(fiona.getByTestId("field-no-assignment")).toBeVisible();

      // A medical call in the middle of town.
      const { units } = await api<TUnitList>(olivia, "GET", "/api/units");
      expect(units.find((u) => u.id === FIONA_UNIT)?.status).toBe("available");
      const { manifest } = await api<TCityConfigResponse>(olivia, "GET", "/api/city");
      const description = `Collapsed cyclist on the sidewalk (${Date.now()})`;
      const incident = await api<TIncident>(olivia, "POST", "/api/incidents", {
        type: "medical",
        priority: "P1",
        location: offCentre(manifest.center),
        address: "Main St & Michigan Ave",
        description,
      });

      await openIncidentFromMap(olivia, incident.id);
      const panel = olivia.getByTestId("dispatch-panel");
      await expect(panel.getByTestId(`recommended-unit-${FIONA_UNIT}`)).toBeVisible();
      await expect(panel).toContainText(/Run card/);
      // Only Fiona's unit: clear what the run card pre-selected, then pick hers.
      for (const box of await panel.getByRole("checkbox", { checked: true }).all()) await box.uncheck();
      await panel.getByTestId(`recommended-unit-${FIONA_UNIT}`).getByRole("checkbox").check();
      await panel.getByTestId("dispatch-submit").click();

      const assigned = olivia.getByTestId("assigned-units").getByTestId(`assigned-unit-${FIONA_UNIT}`);
      await expect(assigned).toHaveAttribute("data-status", "dispatched");
      await expect(olivia.getByTestId("incident-status")).toHaveText("Dispatched");
      await olivia.screenshot({ path: `${SCREENSHOTS}/dispatch-1440-drawer.png` });

      // Fiona's phone is told over its socket: the assignment appears without a reload.
      const assignment = fiona.getByTestId("field-assignment");
      await expect(assignment).toHaveAttribute("data-incident-id", incident.id);
      await expect(assignment).toContainText(description);
      await expect(fiona.getByTestId("field-unit")).toHaveAttribute("data-status", "dispatched");
      expect(await horizontalOverflow(fiona)).toBeLessThanOrEqual(0);
      await fiona.screenshot({ path: `${SCREENSHOTS}/field-360-assignment.png`, fullPage: true });

      // No signal: both taps wait on the phone, visibly queued, and nothing reaches the control room.
      await fiona.context().setOffline(true);
      await expect(fiona.getByTestId("field-offline-banner")).toBeVisible();
      await fiona.getByTestId("field-action-enRoute").tap();
      await expect(fiona.getByTestId("field-unit")).toHaveAttribute("data-status", "enRoute");
      await fiona.getByTestId("field-action-onScene").tap();
      const outbox = fiona.getByTestId("field-outbox").getByTestId("outbox-item");
      await expect(outbox).toHaveCount(2);
      await expect(outbox.nth(0)).toHaveAttribute("data-state", "queued");
      await expect(outbox.nth(1)).toHaveAttribute("data-state", "queued");
      await fiona.screenshot({ path: `${SCREENSHOTS}/field-360-offline-queue.png`, fullPage: true });
      const whileOffline = await api<TIncidentDetail>(olivia, "GET", `/api/incidents/${incident.id}`);
      expect(whileOffline.timeline.filter((e) => e.kind === "unitStatusChanged")).toHaveLength(0);
      await expect(assigned).toHaveAttribute("data-status", "dispatched");

      // Signal again: the queue drains in order, each action once.
      await fiona.context().setOffline(false);
      await expect(outbox.nth(0)).toHaveAttribute("data-state", "sent");
      await expect(outbox.nth(1)).toHaveAttribute("data-state", "sent");
      await expect(fiona.getByTestId("field-offline-banner")).toBeHidden();

      await expect(assigned).toHaveAttribute("data-status", "onScene");
      await expect(olivia.getByTestId("incident-status")).toHaveText("On scene");
      const timeline = olivia.getByTestId("incident-timeline");
      await expect(timeline).toContainText(`${FIONA_CALL_SIGN}: en route`);
      await expect(timeline).toContainText(`${FIONA_CALL_SIGN}: on scene`);
      const detail = await api<TIncidentDetail>(olivia, "GET", `/api/incidents/${incident.id}`);
      const reports = detail.timeline.filter((e) => e.kind === "unitStatusChanged").map((e) => e.data.to);
      expect(reports).toEqual(["enRoute", "onScene"]);
      await olivia.screenshot({ path: `${SCREENSHOTS}/dispatch-1440-on-scene.png` });

      // Cleared by the crew: the unit returns and the incident is resolved.
      await fiona.getByTestId("field-action-cleared").tap();
      await expect(assigned).toHaveAttribute("data-status", "returning");
      await expect(olivia.getByTestId("incident-status")).toHaveText("Resolved");
      await expect(fiona.getByTestId("field-no-assignment")).toBeVisible();

      await fiona.context().close();
      await olivia.context().close();
    });
  });
