import { expect, test } from "@playwright/test";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";

test.describe("API keys for partner apps", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the admin issues a key, a partner reads the city with it over NGSI-LD, and after revoking it cannot", async ({ page }) => {
    const name = `Harbour partner ${Date.now().toString(36)}`;
    await signInAs(page, "admin");
    await page.goto("/admin/api-keys");
    await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

    const form = page.getByTestId("create-api-key-form");
    // Client-side check first: no name.
    await form.getByRole("button", { name: "Issue key" }).click();
    await expect(form.getByLabel("App name")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("App name").fill(name);
    await form.getByRole("button", { name: "Issue key" }).click();
    const shown = page.getByTestId("issued-secret");
    await expect(shown).toBeVisible();
    const secret = await shown.getByRole("textbox").inputValue();
    expect(secret).toMatch(/^cnk_/);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-api-keys-1440.png` });

    // The partner: no cookies, only the key.
    const partner = await page.context().browser()!.newContext();
    const read = await partner.request.get("/ngsi-ld/v1/entities?type=OffStreetParking&options=keyValues", {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(read.status()).toBe(200);
    expect(read.headers().link).toContain("/ngsi-ld/v1/context.jsonld");

    // Shown once: after a reload only its first characters remain.
    await page.reload();
    await expect(page.getByTestId("issued-secret")).toBeHidden();
    const row = page.locator(`[data-testid="api-key-row"][data-name="${name}"]`);
    await expect(row).toContainText(secret.slice(0, 12));
    await expect(page.getByText(secret)).toBeHidden();

    await row.getByRole("button", { name: `Revoke the key of ${name}` }).click();
    await row
      .getByRole("group", { name: `Revoke the key of ${name}?` })
      .getByRole("button", { name: "Revoke" })
      .click();
    await expect(page.getByTestId("feedback")).toContainText(`The key of ${name} is revoked`);
    await expect(row).toContainText("Revoked");

    const refused = await partner.request.get("/ngsi-ld/v1/entities", { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);
    await partner.close();
  });
});
