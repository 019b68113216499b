import { type Browser, expect, test } from "@playwright/test";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";
import { alertRowWith, openControlRoom } from "../fixtures/control-room";
import { api, resolveAlertsOf } from "../fixtures/operations";

/** Near the middle of the Three Rivers pack (public/city/three-rivers/pack.json). */
const PLACE = { lat: 41.9456, long: -85.6325 };

/** An admin issues the citizen app's Open311 key, as a city would; the admin's page is closed again. */
async function citizenAppKey(browser: Browser, name: string): Promise<string> {
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  const { secret } = await api<{ secret: string }>(admin, "POST", "/api/admin/api-keys", { name, scopes: ["open311"] });
  await admin.context().close();
  return secret;
}

test.describe("citizens' reports (Open311)", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test.setTimeout(240_000);

  test("a report a citizen app POSTs with its API key appears in the operator's alert queue with its text", async ({ browser, page }) => {
    const run = Date.now().toString(36);
    const place = `Outside the library ${run}`;

    const secret = await citizenAppKey(browser, `Citizen app ${run}`);

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

    const row = await alertRowWith(page, `Reported by a citizen: ${place}`);
    await expect(row).toBeVisible();
    await expect(row).toContainText("Overflowing bin");
    await row.click();
    // Generous: the drawer's reports come from the embedded database, behind the simulator on a busy machine.
    await expect(page.getByTestId("alert-drawer")).toContainText("Full again", { timeout: 60_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/open311-1440-drawer.png` });

    const status = await citizen.request.get(`/open311/v2/requests/${id}.json`, { headers: { authorization: `Bearer ${secret}` } });
    expect(((await status.json()) as { status: string }[])[0].status).toBe("open");
    await citizen.close();

    await resolveAlertsOf(page, "citizen.bin-overflow");
  });
  test("a citizen reports a service a declared domain offers (a water leak): listed, queued with its text and the domain's name", async ({
    browser,
    page,
  }) => {
    const run = Date.now().toString(36);
    const place = `Hydrant by the river walk ${run}`;
    const description = `Water bubbling up between the paving stones (${run})`;

    const secret = await citizenAppKey(browser, `Water app ${run}`);

    await signInAs(page, "operator");
    await openControlRoom(page);

    // lib/domains/definitions/water-network.json declares it; nothing in the code names it.
    const citizen = await browser.newContext();
    const services = (await (await citizen.request.get("/open311/v2/services.json")).json()) as {
      service_code: string;
      service_name: string;
    }[];
    expect(services.find((s) => s.service_code === "water-leak")).toMatchObject({ service_name: "Water leak" });
    const posted = await citizen.request.post("/open311/v2/requests.json", {
      headers: { authorization: `Bearer ${secret}` },
      form: {
        service_code: "water-leak",
        // A few hundred metres from the first test's report, so neither is taken for a repeat of the other.
        lat: String(PLACE.lat - 0.004),
        long: String(PLACE.long + 0.003),
        address_string: place,
        description,
      },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    await citizen.close();

    const row = await alertRowWith(page, `Reported by a citizen: ${place}`);
    await expect(row).toBeVisible();
    await expect(row).toContainText("Water leak");
    await expect(row).toContainText("Water network");
    await row.click();
    await expect(page.getByTestId("alert-drawer")).toContainText(description, { timeout: 60_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/open311-1440-declared-service.png` });

    await resolveAlertsOf(page, "citizen.water-leak");
  });
});
