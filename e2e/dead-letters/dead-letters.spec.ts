import { expect, test } from "@playwright/test";
import { SCREENSHOTS, currentPath, horizontalOverflow, signInAs } from "../fixtures/auth";
import { figureValue, openControlRoom } from "../fixtures/control-room";

/**
 * Dead letters people can fix: the embedded simulator sends a few deliberately malformed messages (SIM_MALFORMED_RATIO),
 * so there is always something to find. A supervisor follows the top bar's figure to them, replays one, and sees it
 * come back as the same letter, failed again.
 */
test.describe("dead letters", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("a supervisor opens the dead letters from the top bar, replays one and sees the result", async ({ page }) => {
    await signInAs(page, "supervisor");
    await openControlRoom(page);
    await expect.poll(() => figureValue(page, "figure-dead-lettered"), { timeout: 30_000 }).toBeGreaterThan(0);

    await page.getByTestId("figure-dead-lettered").click();
    await expect(page).toHaveURL((url) => url.pathname === "/dead-letters");
    await expect(page.getByRole("heading", { name: "Dead letters" })).toBeVisible();
    await expect(page.getByTestId("dead-letter-counts-chart")).toBeVisible();

    const rows = page.getByTestId("dead-letter-row");
    await expect(rows.first()).toBeVisible();
    const row = rows.first();
    const id = await row.getAttribute("data-id");
    expect(id).toBeTruthy();
    // A malformed payload reads as text or hex, never as markup; no internal id stands in for a name.
    await expect(row.getByTestId("dead-letter-payload")).toHaveAttribute("data-format", /^(text|hex)$/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/dead-letters-1440.png`, fullPage: true });

    await row.getByRole("checkbox").check();
    const actions = page.getByTestId("dead-letter-actions");
    await expect(actions).toContainText("1 selected");
    await actions.getByRole("button", { name: "Replay to source" }).click();
    await expect(page.getByTestId("dead-letter-action-result")).toHaveText("1 replayed.");

    // The simulator's malformed message fails validation again: the same letter, its replay counted.
    const replayed = page.locator(`[data-testid="dead-letter-row"][data-id="${id}"]`);
    await expect(replayed.getByTestId("dead-letter-replays")).toHaveAttribute("data-outcome", "failed");
    await expect(replayed.getByTestId("dead-letter-replays")).toContainText("Replayed 1×");
    await expect(page.locator(`[data-testid="dead-letter-row"][data-id="${id}"]`)).toHaveCount(1);

    // Marked handled, it leaves the default view and shows under "Handled" with who did it.
    await replayed.getByRole("checkbox").check();
    await actions.getByLabel("Note for marking as handled (optional)").fill("Simulator test message");
    await actions.getByRole("button", { name: "Mark as handled" }).click();
    await expect(page.getByTestId("dead-letter-action-result")).toHaveText("1 marked as handled.");
    await expect(page.locator(`[data-testid="dead-letter-row"][data-id="${id}"]`)).toHaveCount(0);
    await page.getByTestId("dead-letter-filters").getByLabel("Handled", { exact: true }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("status") === "handled");
    await expect(page.locator(`[data-testid="dead-letter-row"][data-id="${id}"]`)).toContainText("Simulator test message");
  });

  test("an operator has no link and no access", async ({ page }) => {
    await signInAs(page, "operator");
    await openControlRoom(page);
    await expect(page.getByTestId("figure-dead-lettered")).not.toHaveAttribute("href", /.*/);
    await page.goto("/dead-letters");
    expect(currentPath(page)).toBe("/");
    await expect(page.getByRole("status").filter({ hasText: "You don't have access to Dead letters" })).toBeVisible();
  });
});
