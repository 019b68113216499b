import { expect, test } from "@playwright/test";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";
import { openControlRoom } from "../fixtures/control-room";
import { api, resolveAlertsOf } from "../fixtures/operations";

/** Near the middle of the Three Rivers pack (public/city/three-rivers/pack.json). */
const PLACE = { lat: 41.9456, long: -85.6325 };

test.describe("citizens' reports (Open311)", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test.setTimeout(120_000);

  test("a report a citizen app POSTs with its API key appears in the operator's alert queue with its text", async ({ browser, page }) => {
    const run = Date.now().toString(36);
    const place = `Outside the library ${run}`;

    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, "admin");
    const { secret } = await api<{ secret: string }>(admin, "POST", "/api/admin/api-keys", {
      name: `Citizen app ${run}`,
      scopes: ["open311"],
    });
    await admin.context().close();

    await signInAs(page, "operator");
    await openControlRoom(page);

    // The citizen app: no cookies, only its key, GeoReport's form encoding.
    const citizen = await browser.newContext();
    const services = await citizen.request.get("/open311/v2/services.json");
    expect(services.status()).toBe(200);
    expect(((await services.json()) as { service_code: string }[]).map((s) => s.service_code)).toContain("bin-overflow");
    const posted = await citizen.request.post("/open311/v2/requests.json", {
      headers: { authorization: `Bearer ${secret}` },
      form: {
        service_code: "bin-overflow",
        lat: String(PLACE.lat),
        long: String(PLACE.long),
        address_string: place,
        description: "Full again",
      },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    const [{ service_request_id: id }] = (await posted.json()) as { service_request_id: string }[];

    const row = page.getByTestId("alert-row").filter({ hasText: `Reported by a citizen: ${place}` });
    await expect(row).toBeVisible();
    await expect(row).toContainText("Overflowing bin");
    await row.click();
    await expect(page.getByTestId("alert-drawer")).toContainText("Full again");
    await page.screenshot({ path: `${SCREENSHOTS}/open311-1440-drawer.png` });

    const status = await citizen.request.get(`/open311/v2/requests/${id}.json`, { headers: { authorization: `Bearer ${secret}` } });
    expect(((await status.json()) as { status: string }[])[0].status).toBe("open");
    await citizen.close();

    await resolveAlertsOf(page, "citizen.bin-overflow");
  });
});
