import { expect, test, type Page } from "@playwright/test";
import type { TRuleSetting } from "../../lib/contracts/rules";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";
import { api } from "../fixtures/operations";

/** A rule whose threshold can move a minute without changing what the other specs see. */
const RULE_ID = "parking.sensor-silent";

const card = (page: Page) => page.locator(`[data-testid="rule-card"][data-rule-id="${RULE_ID}"]`);
const staleInput = (page: Page) => card(page).getByTestId("rule-param-staleSeconds");

async function saveStaleSeconds(page: Page, seconds: number): Promise<void> {
  await staleInput(page).fill(String(seconds));
  await card(page).getByRole("button", { name: "Save" }).click();
}

test.describe("alert rule settings", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("a supervisor tunes a threshold; it persists, is audited, survives a conflict, and is restored", async ({ page }) => {
    await signInAs(page, "supervisor");
    await page.goto("/rules");
    await expect(page.getByRole("heading", { name: "Alert rules" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alert rules" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    const original = Number(await staleInput(page).inputValue());
    expect(original).toBeGreaterThan(0);
    const tuned = original + 60;
    await saveStaleSeconds(page, tuned);
    await expect(card(page).getByRole("status")).toHaveText("Saved — takes effect immediately.");

    await page.reload();
    await expect(staleInput(page)).toHaveValue(String(tuned));
    await expect(card(page)).toContainText("by Sam");

    await page.goto("/audit?action=rule.updated");
    const row = page.getByTestId("audit-row").filter({ hasText: RULE_ID }).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText("supervisor@citynerve.local");
    await expect(row).toContainText(String(tuned));

    // Someone else saves while this page is open: the stale save gets the 409 and the values that won.
    await page.goto("/rules");
    await expect(staleInput(page)).toHaveValue(String(tuned));
    const current = (await api<TRuleSetting[]>(page, "GET", "/api/rules")).find((s) => s.rule.id === RULE_ID)!;
    await api(page, "PUT", `/api/rules/${RULE_ID}`, { version: current.version, params: { staleSeconds: tuned + 1 } });
    await saveStaleSeconds(page, original);
    await expect(card(page).getByRole("status")).toContainText("changed by someone else");
    await expect(staleInput(page)).toHaveValue(String(tuned + 1));

    // Restore through the form, now on the current version.
    await saveStaleSeconds(page, original);
    await expect(card(page).getByRole("status")).toHaveText("Saved — takes effect immediately.");

    // Back at its built-in values (saved by hand): nothing for "Reset to default" to do.
    await expect(card(page).getByTestId("rule-reset")).toBeDisabled();

    // A value the rule refuses stays on the page with the server's reason, in words, beside the field.
    await staleInput(page).fill("-5");
    await card(page).getByRole("button", { name: "Save" }).click();
    await expect(card(page).getByRole("status")).toContainText("Not saved: some values need changing");
    await expect(staleInput(page)).toHaveAccessibleDescription("Silent for must be more than 0");
    await card(page).getByRole("button", { name: "Undo" }).click();
    await expect(staleInput(page)).toHaveValue(String(original));

    // A threshold outside what the sensor can read is refused with the metric's name and unit, beside it.
    const occupancy = page.locator('[data-testid="rule-card"][data-rule-id="parking.lot-full"]');
    const openAbove = occupancy.getByTestId("rule-param-openAbove");
    await openAbove.fill("150");
    await occupancy.getByRole("button", { name: "Save" }).click();
    await expect(occupancy.getByRole("status")).toContainText("Not saved: some values need changing");
    await expect(openAbove).toHaveAccessibleDescription("Occupancy: 'Opens at or above' must be between 0 and 100 % occupied");
    await occupancy.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/rules-range-1440.png`, fullPage: false });
    await page.setViewportSize({ width: 360, height: 740 });
    await occupancy.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/rules-range-360.png`, fullPage: false });
    await page.setViewportSize({ width: 1440, height: 900 });
    await occupancy.getByRole("button", { name: "Undo" }).click();

    await page.screenshot({ path: `${SCREENSHOTS}/rules-1440.png`, fullPage: false });
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/rules-360.png`, fullPage: false });
    await card(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/rules-360-card.png`, fullPage: false });
  });
});
