import { expect, test } from "@playwright/test";
import { SCREENSHOTS, currentPath, horizontalOverflow, signInAs } from "../fixtures/auth";

/** Refused pages and unknown addresses say what happened instead of redirecting silently or showing a bare 404. */
test.describe("access messages", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("a field user opening History lands on their home, told they have no access to History", async ({ page }) => {
    await signInAs(page, "field");
    await page.goto("/history");
    expect(currentPath(page)).toBe("/field");
    const notice = page.getByRole("status").filter({ hasText: "You don't have access to History" });
    await expect(notice).toBeVisible();

    await notice.getByRole("button", { name: "Dismiss message" }).click();
    await expect(notice).toBeHidden();
    await expect(page).toHaveURL((url) => url.pathname === "/field" && !url.searchParams.has("denied"));
  });

  test("a notice names only pages the app knows, whatever the link says", async ({ page }) => {
    await signInAs(page, "field");
    await page.goto("/field?denied=%2Fyour-account-is-locked");
    await expect(page.getByRole("status").filter({ hasText: "You don't have access to that page" })).toBeVisible();
    await expect(page.getByText("your-account-is-locked")).toHaveCount(0);
  });

  for (const width of [1440, 360]) {
    test(`an unknown address shows the app's 404 with the way home (${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
      await signInAs(page, "operator");
      const response = await page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}/not-found-${width}.png`, fullPage: true });

      const home = page.getByRole("link", { name: "Back to Live map" });
      await expect(home).toHaveAttribute("href", "/");
      await home.click();
      await expect(page).toHaveURL((url) => url.pathname === "/" && url.search === "");
    });
  }
});
