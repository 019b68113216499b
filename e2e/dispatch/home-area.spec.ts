import { expect, test } from "@playwright/test";
import type { TIncident } from "../../lib/contracts/incidents";
import type { TZone } from "../../lib/contracts/zones";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";
import { api } from "../fixtures/operations";

/** Three Rivers' fire station (public/city/three-rivers/entities.json, station-fire-1): every fire unit's home. */
const FIRE_STATION: [number, number] = [-85.63607, 41.943005];

/** A square of about 330 m by 330 m around a point: small, so other specs' calls and alerts stay outside it. */
function squareAround([lng, lat]: [number, number], half = 0.0015): TZone["geometry"] {
  const ring: [number, number][] = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
  return { type: "Polygon", coordinates: [ring] };
}

test("the dispatch panel names a home unit's fire area and says why it is ticked first", async ({ browser }) => {
  // Generous: each screenshot waits for a frame of the map drawn in software, which took over a minute under load.
  test.setTimeout(420_000);
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  const name = `Fire area Station Square ${Date.now() % 100_000}`;
  const zone = await api<TZone>(admin, "POST", "/api/zones", { name, kind: "fireArea", geometry: squareAround(FIRE_STATION) });

  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(page, "operator");
  const incident = await api<TIncident>(page, "POST", "/api/incidents", {
    type: "fire",
    priority: "P2",
    location: [FIRE_STATION[0] + 0.0008, FIRE_STATION[1] - 0.0006],
    address: "Behind the fire station",
    description: `Shed fire by the station (${Date.now()})`,
  });
  try {
    // The drawer's dispatch panel needs no map: it is not waited for (it draws in software, slowly on a busy machine).
    await page.goto(`/?incident=${encodeURIComponent(incident.id)}`);
    const panel = page.getByTestId("dispatch-panel");
    const homeUnit = panel
      .locator('[data-suggested="true"]')
      .filter({ hasText: `Home area: ${name}` })
      .first();
    // Generous: routing every fire unit waits behind the simulator and the software-drawn map on a busy machine.
    await expect(homeUnit).toBeVisible({ timeout: 90_000 });
    await expect(panel.getByTestId("dispatch-home-note")).toContainText("fire area or police beat are ticked first");
    await page.getByTestId("incident-drawer").screenshot({ path: `${SCREENSHOTS}/dispatch-home-area-1440.png`, timeout: 120_000 });

    await page.setViewportSize({ width: 360, height: 740 });
    await homeUnit.scrollIntoViewIfNeeded();
    await expect(homeUnit).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // On a phone the area is a line of its own under the unit, not squeezed beside the drive time.
    const line = await homeUnit.getByTestId("recommended-unit-home-area").boundingBox();
    const eta = await homeUnit.getByTitle("Estimated drive time at current traffic").boundingBox();
    expect(line && eta && line.y >= eta.y + eta.height, "the home area sits below the drive time").toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/dispatch-home-area-360.png`, timeout: 120_000 });
  } finally {
    // Leave the city as the other specs expect it: no fire area, no open call by the station.
    await api(admin, "POST", `/api/zones/${encodeURIComponent(zone.id)}/remove`, { version: zone.version });
    const status = `/api/incidents/${encodeURIComponent(incident.id)}/status`;
    const acknowledged = await api<TIncident>(page, "POST", status, { version: incident.version, status: "acknowledged" });
    await api(page, "POST", status, { version: acknowledged.version, status: "resolved" });
  }
});
