import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { TCityConfigResponse } from "../../lib/contracts/city-api";
import type { TIncident, TIncidentDetail } from "../../lib/contracts/incidents";
import type { TUnitList } from "../../lib/contracts/units";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";
import { api } from "../fixtures/operations";

/**
 * Fiona's unit arrives first but her phone has no signal; a second unit arrives later and is reported at
 * once. When her taps reach the server they keep the time she tapped: the timeline puts her arrival first
 * and "time to arrive" counts from it, not from the later unit's.
 */
const FIONA_UNIT = "unit-m-1";
const FIONA_CALL_SIGN = "M-1";

async function signedIn(browser: Browser, role: "operator" | "supervisor"): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(page, role);
  return page;
}

test("a crew's arrival tapped offline keeps its place in the timeline and sets the time to arrive", async ({ browser }) => {
  test.setTimeout(180_000);
  const operator = await signedIn(browser, "operator");
  const { manifest } = await api<TCityConfigResponse>(operator, "GET", "/api/city");
  // Another spec may have left her unit driving home from its last job: back in service first, as a crew would say.
  const before = await api<TUnitList>(operator, "GET", "/api/units");
  if (before.units.find((u) => u.id === FIONA_UNIT)?.status === "returning") {
    await api(operator, "POST", `/api/units/${FIONA_UNIT}/actions`, { idempotencyKey: randomUUID(), action: "available" });
  }
  const { units } = await api<TUnitList>(operator, "GET", "/api/units");
  expect(units.find((u) => u.id === FIONA_UNIT)?.status, "Fiona's unit is available").toBe("available");
  const other = units.find((u) => u.id !== FIONA_UNIT && u.status === "available" && u.type === "fire");
  if (!other) throw new Error("no available fire unit to send with Fiona's");

  const [lng, lat] = manifest.center;
  const incident = await api<TIncident>(operator, "POST", "/api/incidents", {
    type: "medical",
    priority: "P1",
    location: [lng - 0.004, lat + 0.003],
    address: "Portage Ave & Main St",
    description: `Fall from a ladder (${Date.now()})`,
  });
  await api(operator, "POST", `/api/incidents/${incident.id}/dispatch`, { unitIds: [FIONA_UNIT, other.id] });

  const fiona = await (await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })).newPage();
  await signInAs(fiona, "field");
  await fiona.goto("/field");
  await expect(fiona.getByTestId("field-assignment")).toHaveAttribute("data-incident-id", incident.id);

  // No signal: Fiona reports en route and on scene; both wait on her phone.
  await fiona.context().setOffline(true);
  await expect(fiona.getByTestId("field-offline-banner")).toBeVisible();
  await fiona.getByTestId("field-action-enRoute").tap();
  await fiona.getByTestId("field-action-onScene").tap();
  const outbox = fiona.getByTestId("field-outbox").getByTestId("outbox-item");
  await expect(outbox).toHaveCount(2);

  // Meanwhile the other unit arrives and the control room records it at once.
  for (const action of ["enRoute", "onScene"]) {
    await api(operator, "POST", `/api/units/${other.id}/actions`, { idempotencyKey: randomUUID(), action });
  }
  const beforeFiona = await api<TIncidentDetail>(operator, "GET", `/api/incidents/${incident.id}`);
  const otherArrival = beforeFiona.timeline.find(
    (e) => e.kind === "unitStatusChanged" && e.data.unitId === other.id && e.data.to === "onScene",
  );
  expect(otherArrival, "the other unit's arrival is recorded").toBeDefined();

  // Signal again: her queued taps reach the server, later than the other unit's report.
  await fiona.context().setOffline(false);
  await expect(outbox.nth(1)).toHaveAttribute("data-state", "sent");

  const detail = await api<TIncidentDetail>(operator, "GET", `/api/incidents/${incident.id}`);
  const arrivals = detail.timeline.filter((e) => e.kind === "unitStatusChanged" && e.data.to === "onScene");
  expect(
    arrivals.map((e) => e.data.unitId),
    "arrivals in the order they happened",
  ).toEqual([FIONA_UNIT, other.id]);
  const fionaArrival = arrivals[0];
  expect(Date.parse(fionaArrival.at)).toBeLessThan(Date.parse(otherArrival!.at));
  expect(BigInt(fionaArrival.id), "…although recorded after the other's").toBeGreaterThan(BigInt(otherArrival!.id));

  // The supervisor's record of the incident reads the same: her arrival first, and it sets the time to arrive.
  const supervisor = await signedIn(browser, "supervisor");
  await supervisor.goto(`/history/incidents/${incident.id}`);
  await expect(supervisor.getByTestId("incident-detail")).toHaveAttribute("data-ready", "true");
  const timelineText = (await supervisor.getByTestId("incident-timeline").innerText()).replace(/\s+/g, " ");
  const fionaAt = timelineText.indexOf(`${FIONA_CALL_SIGN}: on scene`);
  const otherAt = timelineText.indexOf(`${other.callSign}: on scene`);
  expect(fionaAt, timelineText).toBeGreaterThanOrEqual(0);
  expect(otherAt, timelineText).toBeGreaterThan(fionaAt);
  const arrive = supervisor.getByTestId("incident-milestones").locator('[data-milestone="onScene"] time');
  await expect(arrive).toHaveAttribute("datetime", fionaArrival.at);
  await supervisor.screenshot({ path: `${SCREENSHOTS}/history-1440-offline-arrival.png`, fullPage: true });

  // Clean-up: both units come back into service for the specs after this one.
  await api(operator, "POST", `/api/incidents/${incident.id}/status`, {
    status: "resolved",
    version: detail.version,
    reason: "end-to-end test",
  });
  for (const page of [operator, fiona, supervisor]) await page.context().close();
});
