import { expect, test } from "@playwright/test";
import { SCREENSHOTS, horizontalOverflow, postSignIn, signInAs } from "../fixtures/auth";

test.describe("user administration and the audit log", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the admin creates a user, changes their role, disables them, and the audit log shows it", async ({ page }) => {
    const stamp = Date.now().toString(36);
    const email = `dana.${stamp}@citynerve.local`;
    const name = `Dana Rivers ${stamp}`;

    await signInAs(page, "admin");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    await expect(page.locator('[data-testid="user-row"][data-email="operator@citynerve.local"]')).toBeVisible();

    const form = page.getByTestId("create-user-form");
    // Client-side check first: the password is too short.
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByLabel("Initial password")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Use at least 12 characters")).toBeVisible();

    await form.getByLabel("Initial password").fill("a-long-enough-password");
    await form.getByLabel("Role").selectOption("field");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByTestId("feedback")).toContainText(`Created ${name}`);
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByRole("combobox", { name: `Role of ${name}` })).toHaveValue("field");

    // The same email again: the API answers 409 and the form shows it on the email field.
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Initial password").fill("a-long-enough-password");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await form.getByLabel("Name").fill("");
    await form.getByLabel("Email").fill("");
    await form.getByLabel("Initial password").fill("");

    // A role change is only saved on request.
    await row.getByRole("combobox", { name: `Role of ${name}` }).selectOption("operator");
    await row.getByRole("button", { name: `Save role of ${name}` }).click();
    await expect(page.getByTestId("feedback")).toContainText(`${name} is now operator`);
    await expect(row.getByRole("button", { name: `Save role of ${name}` })).toBeHidden();

    // Disabling asks for confirmation first.
    await row.getByRole("button", { name: `Disable ${name}` }).click();
    await expect(row.getByRole("group", { name: `Disable ${name}?` })).toContainText("Block sign-in?");
    await page.screenshot({ path: `${SCREENSHOTS}/admin-users-1440.png` });
    await row.getByRole("button", { name: "Disable", exact: true }).click();
    await expect(row.getByTestId("user-status")).toHaveText("Disabled");
    await expect(page.getByTestId("feedback")).toContainText(`${name} is disabled`);

    // The disabled account cannot sign in.
    // (A separate context: a successful sign-in here would replace the admin's session cookie.)
    const outsider = await page.context().browser()!.newPage();
    const refused = await postSignIn(outsider, email, "a-long-enough-password");
    expect(refused.status()).toBe(403);
    await outsider.close();

    // The audit log lists the creation, the role change and the disabling, newest first.
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/audit");
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    const actions = await page.getByTestId("audit-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
    const created = actions.indexOf("user.created");
    const roleChanged = actions.indexOf("user.role_changed");
    const disabled = actions.indexOf("user.disabled");
    expect(created).toBeGreaterThanOrEqual(0);
    expect(roleChanged).toBeGreaterThanOrEqual(0);
    expect(disabled).toBeGreaterThanOrEqual(0);
    expect(disabled).toBeLessThan(roleChanged);
    expect(roleChanged).toBeLessThan(created);
    await expect(page.locator('[data-testid="audit-row"][data-action="user.created"]').first()).toContainText(email);
    await page.screenshot({ path: `${SCREENSHOTS}/audit-1440.png` });

    // Filters live in the URL: a shared link shows the same view.
    await page.getByLabel("Action").fill("user.disabled");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("action") === "user.disabled");
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    expect(new Set(await page.getByTestId("audit-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action"))))).toEqual(
      new Set(["user.disabled"]),
    );
    const shared = page.url();
    await page.goto("/audit");
    await page.goto(shared);
    await expect(page.getByLabel("Action")).toHaveValue("user.disabled");

    // No match: an empty state that offers to clear the filters.
    await page.goto("/audit?action=no.such.action");
    await expect(page.getByTestId("audit-empty")).toContainText("No entries match");
  });

  test("the audit log pages with Load more", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/users");
    const origin = new URL(page.url()).origin;
    // Seed more than one page (50) of entries through the API: role changes back and forth on a fresh user.
    const stamp = Date.now().toString(36);
    const created = await page.request.post("/api/admin/users", {
      data: { name: `Paging ${stamp}`, email: `paging.${stamp}@citynerve.local`, password: "a-long-enough-password", role: "operator" },
      headers: { Origin: origin },
    });
    expect(created.status(), await created.text()).toBeLessThan(300);
    const { id } = (await created.json()) as { id: string };
    for (let i = 0; i < 52; i++) {
      const changed = await page.request.patch(`/api/admin/users/${id}`, {
        data: { role: i % 2 === 0 ? "supervisor" : "operator" },
        headers: { Origin: origin },
      });
      expect(changed.status()).toBe(200);
    }

    await page.goto("/audit?action=user.role_changed");
    await expect(page.getByTestId("audit-row")).toHaveCount(50);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => page.getByTestId("audit-row").count()).toBeGreaterThan(50);
    // Keyset pages never repeat a row.
    const ids = await page.getByTestId("audit-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("admin pages as cards on a 360 px phone", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAs(page, "admin");
    await page.goto("/admin/users");
    await expect(page.getByTestId("user-row").first()).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-users-360.png`, fullPage: true });
    await page.goto("/audit");
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/audit-360.png` });
  });
});
