import { expect, test, type Page } from "@playwright/test";
import type { TZone, TZoneList } from "../../lib/contracts/zones";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";
import { alertRowWith, openControlRoom } from "../fixtures/control-room";
import { api, resolveAlertsOf } from "../fixtures/operations";

/** Clicks the corners of a square around the middle of the zone map, then the first corner again to close it. */
async function drawSquare(page: Page): Promise<void> {
  const box = await page.getByTestId("zone-map").boundingBox();
  if (!box) throw new Error("the zone map has no box");
  const [x, y, half] = [box.x + box.width / 2, box.y + box.height / 2, Math.min(box.width, box.height) / 6];
  const corners = [
    [x - half, y - half],
    [x + half, y - half],
    [x + half, y + half],
    [x - half, y + half],
  ];
  for (const [cx, cy] of [...corners, corners[0]]) await page.mouse.click(cx, cy);
}

function centreOf(zone: TZone): { lat: number; long: number } {
  if (zone.geometry.type !== "Polygon") throw new Error("a drawn zone is one polygon");
  const corners = zone.geometry.coordinates[0].slice(0, -1);
  const mean = (i: 0 | 1) => corners.reduce((sum, c) => sum + c[i], 0) / corners.length;
  return { long: mean(0), lat: mean(1) };
}

test.describe("zones", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test.setTimeout(180_000);

  test("an admin draws a zone; a citizen's report inside it carries its name; the history filters by it", async ({ browser, page }) => {
    const run = Date.now().toString(36);
    const zoneName = `Mill Race ${run}`;
    const place = `By the mill race ${run}`;

    await signInAs(page, "admin");
    await page.goto("/admin/zones");
    const map = page.getByTestId("zone-map");
    await expect(map).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
    await page.getByRole("button", { name: "Draw a zone" }).click();
    await expect(map).toHaveAttribute("data-drawing", "draw");
    await drawSquare(page);
    const editor = page.getByTestId("zone-editor");
    await expect(editor.getByTestId("zone-shape-state")).toHaveText("Shape closed: 4 corners.");
    await editor.getByLabel("Name").fill(zoneName);
    await editor.getByLabel("Kind").selectOption({ label: "Police beat" });
    await editor.getByRole("button", { name: "Save zone" }).click();
    await expect(page.getByTestId("feedback")).toContainText(`Zone ${zoneName} saved.`);
    const row = page.getByTestId("zone-row").filter({ hasText: zoneName });
    await expect(row).toContainText("Police beat");
    await expect(row).toContainText("Adam Admin");
    await page.screenshot({ path: `${SCREENSHOTS}/zones-1440.png`, fullPage: true });

    // Its history starts with the drawing.
    await row.getByRole("button", { name: `Edit ${zoneName}` }).click();
    await expect(page.getByTestId("zone-history")).toContainText("Created");

    const { zones } = await api<TZoneList>(page, "GET", "/api/zones");
    const zone = zones.find((z) => z.name === zoneName);
    if (!zone) throw new Error(`${zoneName} is not in /api/zones`);
    const { secret } = await api<{ secret: string }>(page, "POST", "/api/admin/api-keys", {
      name: `Zones test ${run}`,
      scopes: ["open311"],
    });

    const citizen = await browser.newContext();
    const centre = centreOf(zone);
    const posted = await citizen.request.post("/open311/v2/requests.json", {
      headers: { authorization: `Bearer ${secret}` },
      form: { service_code: "bin-overflow", lat: String(centre.lat), long: String(centre.long), address_string: place },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    await citizen.close();

    // The operator's queue names the zone the report fell in.
    const operator = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAs(operator, "operator");
    await openControlRoom(operator);
    const alert = await alertRowWith(operator, `Reported by a citizen: ${place}`);
    await expect(alert).toContainText(zoneName);

    // The supervisor's history filters by it.
    const supervisor = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAs(supervisor, "supervisor");
    await supervisor.goto("/history?tab=alerts");
    // The results come from the browser's first query: once they show, the form is hydrated and takes the filter.
    await expect(supervisor.getByTestId("history-table")).toBeVisible();
    const form = supervisor.getByTestId("history-filter-form");
    await form.getByLabel("Zone").fill(zoneName);
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(supervisor).toHaveURL((url) => url.searchParams.get("zone") === zoneName);
    const rows = supervisor.getByTestId("history-table").getByTestId("history-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(place);
    await supervisor.context().close();

    await resolveAlertsOf(operator, "citizen.bin-overflow");
    await operator.context().close();

    // Removing it puts the map back as it was for the other specs.
    const current = (await api<TZoneList>(page, "GET", "/api/zones")).zones.find((z) => z.id === zone.id);
    await api(page, "POST", `/api/zones/${zone.id}/remove`, { version: current?.version ?? zone.version });
  });

  test("the zone page at 360 px: the map above the editor, the list as cards", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signInAs(page, "admin");
    await page.goto("/admin/zones");
    await expect(page.getByTestId("zone-map")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
    await expect(page.getByTestId("zone-row").first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/zones-360.png`, fullPage: true });
  });
});
