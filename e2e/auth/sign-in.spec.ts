import { expect, test } from "@playwright/test";
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS, currentPath, horizontalOverflow, submitSignInForm } from "../fixtures/auth";

test.describe("sign-in", () => {
  test("a signed-out visit to the map lands on the sign-in page", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === "/");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByTestId("sign-in-city")).toHaveText("Three Rivers, Michigan");
    // Embedded mode seeds the demo accounts, and the page says how to use them.
    await expect(page.getByTestId("demo-accounts")).toContainText(DEMO_EMAIL.operator);
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-1440.png` });
  });

  test("a wrong password shows an error and stays on the page", async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignInForm(page, DEMO_EMAIL.operator, "not-the-password");
    const error = page.getByTestId("sign-in-error");
    await expect(error).toHaveText("Wrong email or password.");
    await expect(error).toHaveAttribute("aria-live", "assertive");
    expect(currentPath(page)).toBe("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  });

  test("signing in goes to the page asked for, never to another origin", async ({ page }) => {
    await page.goto("/sign-in?next=https%3A%2F%2Fexample.com%2Fphish");
    await submitSignInForm(page, DEMO_EMAIL.supervisor, DEMO_PASSWORD);
    // The foreign next is dropped: the supervisor lands on their home, the live map.
    await expect(page).toHaveURL((url) => url.origin !== "https://example.com" && url.pathname === "/");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Live map" })).toBeVisible();

    // Signed in, the sign-in page forwards to the requested (same-origin) page.
    await page.goto("/sign-in?next=%2Faudit%3Faction%3Duser.created");
    await expect(page).toHaveURL((url) => url.pathname === "/audit" && url.searchParams.get("action") === "user.created");
  });

  test("signing out ends the session", async ({ page }) => {
    await page.goto("/sign-in?next=%2Faudit");
    await submitSignInForm(page, DEMO_EMAIL.admin, DEMO_PASSWORD);
    await expect(page).toHaveURL((url) => url.pathname === "/audit");
    await page.getByTestId("user-menu-button").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    // The session is gone on the server too, not just in this tab.
    await page.goto("/admin/users");
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === "/admin/users");
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });

  test("fits a 360 px phone", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/sign-in");
    await expect(page.getByTestId("demo-accounts")).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-360.png`, fullPage: true });
  });
});
