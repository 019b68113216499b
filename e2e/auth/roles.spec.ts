import { expect, test, type Page } from "@playwright/test";
import type { TRole } from "../../lib/contracts/auth";
import { SCREENSHOTS, currentPath, horizontalOverflow, signInAs } from "../fixtures/auth";

type TExpectation = { home: string; links: string[]; forbidden: { path: string; goesTo: string }[] };

/** What each role is offered, and where the server sends it from pages it may not open. */
const BY_ROLE: Record<TRole, TExpectation> = {
  operator: {
    home: "/",
    links: ["Live map", "Handover"],
    forbidden: [
      { path: "/admin/users", goesTo: "/" },
      { path: "/audit", goesTo: "/" },
      { path: "/rules", goesTo: "/" },
      { path: "/field", goesTo: "/" },
      { path: "/history", goesTo: "/" },
      { path: "/kpis", goesTo: "/" },
      { path: "/analysis", goesTo: "/" },
      { path: "/units", goesTo: "/" },
      { path: "/dead-letters", goesTo: "/" },
      { path: "/silences", goesTo: "/" },
    ],
  },
  supervisor: {
    home: "/",
    links: [
      "Live map",
      "Handover",
      "History",
      "Figures",
      "Map analysis",
      "Alert rules",
      "Silences",
      "On call",
      "Units",
      "Audit log",
      "Dead letters",
    ],
    forbidden: [
      { path: "/admin/users", goesTo: "/" },
      { path: "/field", goesTo: "/" },
    ],
  },
  field: {
    home: "/field",
    links: ["My unit"],
    forbidden: [
      { path: "/", goesTo: "/field" },
      { path: "/audit", goesTo: "/field" },
      { path: "/units", goesTo: "/field" },
      { path: "/admin/users", goesTo: "/field" },
      { path: "/dead-letters", goesTo: "/field" },
    ],
  },
  admin: {
    home: "/admin/users",
    links: ["Users", "API keys", "CAP feeds", "Zones", "Silences", "On call", "Units", "Audit log", "Dead letters"],
    forbidden: [
      { path: "/", goesTo: "/admin/users" },
      { path: "/field", goesTo: "/admin/users" },
    ],
  },
};

/** The pages the main navigation offers: its visible links, then those under "More" when the bar is too narrow for all. */
async function mainNavLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Main" });
  const more = nav.getByRole("button", { name: "More" });
  if (!(await more.isVisible())) return nav.getByRole("link").allInnerTexts();
  const inline = await nav.getByRole("link").allInnerTexts();
  await more.click();
  const under = (await nav.getByRole("link").allInnerTexts()).slice(inline.length);
  await page.keyboard.press("Escape");
  return [...inline, ...under];
}

test.describe("navigation per role", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const [role, expected] of Object.entries(BY_ROLE) as [TRole, TExpectation][]) {
    test(`${role}: sees only their pages, and is sent home from the others`, async ({ page }) => {
      await signInAs(page, role);
      await page.goto(expected.home);
      expect(currentPath(page)).toBe(expected.home);
      await expect.poll(() => mainNavLinks(page)).toEqual(expected.links);
      await expect(page.getByTestId("user-menu-button").getByTestId("role-chip")).toHaveAttribute("data-role", role);
      await expect(page.getByTestId("user-menu-button").getByTestId("user-name")).not.toBeEmpty();
      await page.getByTestId("user-menu-button").click();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/nav-${role}-1440.png` });
      await page.keyboard.press("Escape");
      await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();

      for (const { path, goesTo } of expected.forbidden) {
        await page.goto(path);
        expect(currentPath(page), `${role} opening ${path}`).toBe(goesTo);
      }
    });
  }

  test("on a 360 px phone the links move into the account menu", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAs(page, "supervisor");
    await page.goto("/");
    await expect(page.getByTestId("connection-badge")).toHaveAttribute("data-status", "live", { timeout: 60_000 });
    await expect(page.getByRole("link", { name: "Audit log" })).toBeHidden();
    await page.getByTestId("user-menu-button").click();
    await expect
      .poll(() => mainNavLinks(page))
      .toEqual([
        "Live map",
        "Handover",
        "History",
        "Figures",
        "Map analysis",
        "Alert rules",
        "Silences",
        "On call",
        "Units",
        "Audit log",
        "Dead letters",
      ]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/control-room-360-menu.png` });
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/audit");
  });

  test("the API refuses what the navigation hides", async ({ page }) => {
    await signInAs(page, "operator");
    expect((await page.request.get("/api/admin/users")).status()).toBe(403);
    expect((await page.request.get("/api/audit")).status()).toBe(403);
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });
});
