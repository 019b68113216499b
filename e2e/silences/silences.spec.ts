import { expect, test } from "@playwright/test";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";
import { openControlRoom } from "../fixtures/control-room";
import { resolveAlertsOf, tuneRule } from "../fixtures/operations";

/** A rule no other spec tunes: alerts.spec leaves parking.lot-full's episodes open (their alerts resolved by hand). */
const RULE_ID = "energy.feeder-overload";

test.describe("silences", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test.setTimeout(240_000);

  test("a supervisor silences a rule for an hour: its alerts are recorded but kept out of the queue until 'Show silenced'", async ({
    browser,
    page,
  }) => {
    const reason = `Feeder meters recalibrated ${Date.now().toString(36)}`;
    await signInAs(page, "supervisor");
    await page.goto("/silences");
    const form = page.getByTestId("silence-form");
    await form.getByTestId("silence-rule").selectOption({ value: RULE_ID });
    await form.getByTestId("silence-reason").fill(reason);
    await form.getByTestId("silence-create").click();
    const row = page.getByTestId("silences-active").getByTestId("silence-row").filter({ hasText: reason });
    await expect(row).toBeVisible();
    const silenceId = await row.getAttribute("data-silence-id");
    await page.screenshot({ path: `${SCREENSHOTS}/silences-1440.png`, fullPage: true });

    // Every feeder "overloaded" at once: the rule fires on each feeder's next reading, under the silence.
    const restoreRule = await tuneRule(page, RULE_ID, {
      severity: "critical",
      sustainSeconds: 0,
      params: { metric: "loadShare", openAbove: 0.01, clearBelow: 0.005 },
    });
    let cancelled = false;
    try {
      const operator = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signInAs(operator, "operator");
      await openControlRoom(operator);
      const showSilenced = operator.getByTestId("alert-filter-show-silenced");
      await expect(operator.getByText(/Show silenced \(\d+\)/)).toBeVisible({ timeout: 60_000 });
      const silencedRows = operator.locator('[data-testid="alert-row"][data-silenced="true"]');
      await expect(silencedRows).toHaveCount(0);
      await showSilenced.check();
      await expect(silencedRows.first()).toBeVisible();
      await expect(silencedRows.first().getByTestId("alert-silenced-chip")).toContainText(reason);
      await operator.screenshot({ path: `${SCREENSHOTS}/silences-queue-1440.png` });
      await operator.context().close();

      // Cancelled, it moves to the ended list.
      await row.getByTestId("silence-cancel").click();
      await expect(page.getByTestId("silences-ended").getByTestId("silence-row").filter({ hasText: reason })).toBeVisible();
      cancelled = true;
    } finally {
      // Never leave the rule quiet for the specs after this one.
      if (!cancelled)
        await page.request.post(`/api/silences/${silenceId}/cancel`, { data: {}, headers: { Origin: new URL(page.url()).origin } });
      await restoreRule(page);
      await resolveAlertsOf(page, RULE_ID);
    }
  });

  test("the silences page at 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signInAs(page, "supervisor");
    await page.goto("/silences");
    await expect(page.getByTestId("silence-form")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/silences-360.png`, fullPage: true });
  });
  test("a zone not in use is refused on the field before anything is sent, in the server's words, at 1440 and 360 px", async ({ page }) => {
    await signInAs(page, "supervisor");
    // The check needs the zones in use; their answer also means the page is hydrated and takes the submit.
    const zonesRead = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/zones" && response.ok());
    await page.goto("/silences");
    await zonesRead;
    const form = page.getByTestId("silence-form");
    const zone = form.getByTestId("silence-zone");
    let posted = 0;
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/silences") posted++;
    });
    await zone.fill("Riverside Nowhere");
    await form.getByTestId("silence-reason").fill("Checking the zone field");
    await form.getByTestId("silence-create").click();

    const error = form.getByTestId("silence-zone-error");
    await expect(error).toHaveText(/^Unknown zone "Riverside Nowhere": choose one of .*Central.*No zone$/);
    await expect(zone).toHaveAttribute("aria-invalid", "true");
    await expect(zone).toHaveAttribute("aria-describedby", (await error.getAttribute("id"))!);
    await expect(zone).toBeFocused();
    expect(posted).toBe(0);
    await form.screenshot({ path: `${SCREENSHOTS}/silence-zone-error-1440.png` });

    await page.setViewportSize({ width: 360, height: 800 });
    await zone.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/silence-zone-error-360.png` });

    // A zone in use is taken: the complaint goes as soon as the field changes.
    await zone.fill("Central");
    await expect(error).toHaveCount(0);
  });
});
