import { expect, test, type Locator, type Page } from "@playwright/test";
import type { TCityConfigResponse } from "../../lib/contracts/city-api";
import type { TIncident } from "../../lib/contracts/incidents";
import type { TUnitList } from "../../lib/contracts/units";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";
import { api } from "../fixtures/operations";

/**
 * At 1440 px no table is cut off: each one fits its region, or its region scrolls sideways (keyboard
 * reachable), and the page itself never does. Checked on element boxes, not on screenshots.
 */
const WIDTH = 1440;

async function openAs(page: Page, role: "operator" | "supervisor" | "admin") {
  await page.setViewportSize({ width: WIDTH, height: 900 });
  await signInAs(page, role);
}

/** Whether every column of the table can be seen: inside its region's box, or reachable by its sideways scroll. */
async function expectWhole(table: Locator, what: string) {
  await expect(table, what).toBeVisible();
  const fit = await table.evaluate((element) => {
    const region = element.closest('[role="region"]') as HTMLElement | null;
    const tableBox = element.getBoundingClientRect();
    const regionBox = (region ?? element.parentElement!).getBoundingClientRect();
    const scrolls = region !== null && getComputedStyle(region).overflowX !== "visible" && getComputedStyle(region).overflowX !== "hidden";
    return {
      inViewport: regionBox.right <= window.innerWidth + 1,
      fitsRegion: tableBox.right <= regionBox.right + 1,
      scrollsToEnd: scrolls && region!.scrollWidth - region!.clientWidth >= tableBox.width - regionBox.width - 1,
      focusable: region?.tabIndex === 0,
    };
  });
  expect(fit.inViewport, `${what}: its region ends inside the window`).toBe(true);
  expect(fit.fitsRegion || (fit.scrollsToEnd && fit.focusable), `${what}: fits, or scrolls sideways by mouse and keyboard`).toBe(true);
}

test("at 1440 px the history, incident record, figures and users tables are whole or scroll; nothing is pushed out of view", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openAs(page, "operator");
  const { manifest } = await api<TCityConfigResponse>(page, "GET", "/api/city");
  const longAddress = "Corner of North Main Street and East Michigan Avenue, outside the Three Rivers Public Library";
  const incident = await api<TIncident>(page, "POST", "/api/incidents", {
    type: "hazard",
    priority: "P3",
    location: manifest.center,
    address: longAddress,
    description: `Fallen branch across both lanes of the road, blocking the bus stop and the cycle lane (${Date.now()})`,
  });
  const { units } = await api<TUnitList>(page, "GET", "/api/units");
  const unit = units.find((u) => u.status === "available" && u.type === "utility");
  if (!unit) throw new Error("no available utility unit to send");
  await api(page, "POST", `/api/incidents/${incident.id}/dispatch`, { unitIds: [unit.id] });

  await page.context().clearCookies();
  await openAs(page, "supervisor");
  await page.goto("/history");
  await expect(page.getByTestId("history-row").first()).toBeVisible();
  await expectWhole(page.getByTestId("history-table"), "history");
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  await page.goto(`/history/incidents/${incident.id}`);
  await expect(page.getByTestId("incident-detail")).toHaveAttribute("data-ready", "true");
  await expectWhole(page.getByTestId("units-involved"), "units involved");
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  await page.goto("/kpis");
  await expectWhole(page.getByTestId("kpi-table"), "figures");
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOTS}/kpis-1440-table.png`, fullPage: true });

  // A long name must not push anyone's role select or Disable button out of view.
  await page.context().clearCookies();
  await openAs(page, "admin");
  const name = "Maximiliana Alexandrovna Featherstonehaugh-Wolfeschlegelsteinhausen";
  const email = `maximiliana.featherstonehaugh.${Date.now()}@three-rivers-public-works.example.org`;
  await api(page, "POST", "/api/admin/users", { name, email, password: "a-long-name-e2e-password", role: "operator" });
  await page.goto("/admin/users");
  const rows = page.getByTestId("user-row");
  await expect(rows.filter({ hasText: name })).toHaveCount(1);
  await expectWhole(page.locator("table").filter({ has: rows.first() }), "users");
  const controls = rows.locator("select, button");
  expect(await controls.count(), "the rows have role selects and buttons").toBeGreaterThan(0);
  for (const control of await controls.all()) {
    const box = (await control.boundingBox())!;
    const label = (await control.getAttribute("aria-label")) ?? (await control.innerText());
    expect(box.x + box.width, `"${label}" ends inside the window`).toBeLessThanOrEqual(WIDTH);
  }
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOTS}/admin-users-1440-long-name.png`, fullPage: true });
});
