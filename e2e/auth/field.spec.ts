import { expect, test } from "@playwright/test";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";

test.describe("field crew on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test("lands on their unit's page, standing by, with large buttons and no sideways scrolling", async ({ page }) => {
    await signInAs(page, "field");
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === "/field");
    await expect(page.getByTestId("field-crew-name")).not.toBeEmpty();
    await expect(page.getByTestId("field-unit")).toHaveAttribute("data-unit-id", "unit-m-1");
    await expect(page.getByTestId("field-no-assignment")).toContainText("stand by");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Touch targets: at least 44 px tall (WCAG 2.5.5 / platform guidelines).
    const share = page.getByTestId("field-share-position");
    expect((await share.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${SCREENSHOTS}/field-360.png`, fullPage: true });

    // The account menu carries the navigation and sign-out on phones.
    await page.getByTestId("user-menu-button").tap();
    await expect(page.getByRole("link", { name: "My unit" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/field-360-menu.png` });
  });

  test("can be installed: the web app manifest is served without signing in", async ({ request }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as { start_url: string; display: string; icons: { sizes: string }[] };
    expect(manifest).toMatchObject({ start_url: "/field", display: "standalone" });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });

  test("looks right on a desktop too", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signInAs(page, "field");
    await page.goto("/field");
    await expect(page.getByTestId("field-unit")).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/field-1440.png` });
  });
});
