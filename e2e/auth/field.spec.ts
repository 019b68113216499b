import { expect, test } from "@playwright/test";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";

test.describe("field crew on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test("sees their unit page with no sideways scrolling", async ({ page }) => {
    await signInAs(page, "field");
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === "/field");
    await expect(page.getByTestId("field-crew-name")).not.toBeEmpty();
    await expect(page.getByTestId("field-assignment")).toContainText("No assignment yet");
    await expect(page.getByTestId("field-assignment")).toContainText("New assignments appear here");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Touch targets: at least 44 px tall (WCAG 2.5.5 / platform guidelines).
    const check = page.getByRole("button", { name: "Check for assignments" });
    expect((await check.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${SCREENSHOTS}/field-360.png`, fullPage: true });

    await check.tap();
    await expect(page.getByText(/Checked at \d\d:\d\d/)).toBeVisible();

    // The account menu carries the navigation and sign-out on phones.
    await page.getByTestId("user-menu-button").tap();
    await expect(page.getByRole("link", { name: "My unit" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/field-360-menu.png` });
  });

  test("looks right on a desktop too", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signInAs(page, "field");
    await page.goto("/field");
    await expect(page.getByTestId("field-assignment")).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/field-1440.png` });
  });
});
