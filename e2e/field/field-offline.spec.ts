import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import type { TCityConfigResponse } from "../../lib/contracts/city-api";
import type { TIncident, TIncidentDetail } from "../../lib/contracts/incidents";
import type { TUnitList } from "../../lib/contracts/units";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";
import { api } from "../fixtures/operations";

/** The demo field user crews M-1. */
const CREW_UNIT = "unit-m-1";

/**
 * The field page's service worker: once /field has been open with signal, it opens again without any — a
 * reload in a dead zone shows the last known assignment and says the phone is offline.
 */
test("a crew's /field reloads offline from the service worker with the last known assignment", async ({ browser }) => {
  test.setTimeout(180_000);
  const operator = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(operator, "operator");
  const { manifest } = await api<TCityConfigResponse>(operator, "GET", "/api/city");
  const before = await api<TUnitList>(operator, "GET", "/api/units");
  if (before.units.find((u) => u.id === CREW_UNIT)?.status === "returning") {
    await api(operator, "POST", `/api/units/${CREW_UNIT}/actions`, { idempotencyKey: randomUUID(), action: "available" });
  }
  const [lng, lat] = manifest.center;
  const incident = await api<TIncident>(operator, "POST", "/api/incidents", {
    type: "medical",
    priority: "P2",
    location: [lng + 0.003, lat - 0.002],
    address: "Elm Street & 3rd Avenue",
    description: `Cyclist down (${Date.now()})`,
  });
  await api(operator, "POST", `/api/incidents/${incident.id}/dispatch`, { unitIds: [CREW_UNIT] });

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const crew = await context.newPage();
  await signInAs(crew, "field");
  await crew.goto("/field");
  await expect(crew.getByTestId("field-assignment")).toHaveAttribute("data-incident-id", incident.id);
  // The worker has stored the page and what it loaded.
  await expect(crew.getByTestId("field-available-offline")).toBeVisible();
  await expect(crew.getByTestId("field-notify-me")).toBeVisible();
  await crew.screenshot({ path: `${SCREENSHOTS}/field-360-notify.png`, fullPage: true });

  await context.setOffline(true);
  const reloaded = await crew.reload();
  expect(reloaded?.fromServiceWorker(), "the page came from the service worker").toBe(true);
  expect(await crew.evaluate(() => navigator.onLine)).toBe(false);
  await expect(crew.getByTestId("field-offline-banner")).toBeVisible();
  await expect(crew.getByTestId("field-assignment")).toHaveAttribute("data-incident-id", incident.id);
  await expect(crew.getByTestId("field-assignment")).toContainText("Elm Street & 3rd Avenue");
  await crew.screenshot({ path: `${SCREENSHOTS}/field-360-offline-reload.png`, fullPage: true });

  // The control room is not the worker's: it is not cached, so it does not open offline.
  const controlRoom = await crew.goto("/").catch(() => null);
  expect(controlRoom?.fromServiceWorker() ?? false).toBe(false);

  await context.setOffline(false);
  const wide = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(wide, "field");
  await wide.goto("/field");
  await expect(wide.getByTestId("field-assignment")).toHaveAttribute("data-incident-id", incident.id);
  await expect(wide.getByTestId("field-notify-me")).toBeVisible();
  await wide.screenshot({ path: `${SCREENSHOTS}/field-1440-notify.png`, fullPage: true });

  // Clean-up: the unit back in service for the specs after this one.
  const detail = await api<TIncidentDetail>(operator, "GET", `/api/incidents/${incident.id}`);
  await api(operator, "POST", `/api/incidents/${incident.id}/status`, {
    status: "resolved",
    version: detail.version,
    reason: "end-to-end test",
  });
  for (const page of [operator, crew, wide]) await page.context().close();
});
