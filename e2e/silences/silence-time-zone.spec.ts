import { expect, test } from "@playwright/test";
import { fromWallClockInput } from "../../components/format/date-time";
import type { TSilenceList } from "../../lib/contracts/silences";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";
import { api } from "../fixtures/operations";

/** A zone no city pack is in: the browser's clock is then surely not the city's. */
const BROWSER_ZONE = "Pacific/Kiritimati";

test.describe("silence form time zone", () => {
  test.use({ viewport: { width: 1440, height: 900 }, timezoneId: BROWSER_ZONE });

  test("times are entered and shown in the city's time, whatever zone the browser is in", async ({ page }) => {
    await signInAs(page, "supervisor");
    await page.goto("/silences");
    const cityZone = await page.evaluate(() => document.documentElement.dataset.cityTimeZone ?? "");
    expect(cityZone).not.toBe("");
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);

    const form = page.getByTestId("silence-form");
    await expect(form.getByTestId("silence-city-time").first()).toContainText(cityZone.replace(/_/g, " "));
    const reason = `Resurfacing ${Date.now().toString(36)}`;
    await form.getByTestId("silence-entity").fill("bin-time-zone-test");
    await form.getByTestId("silence-starts").fill("2030-01-15T08:00");
    await form.getByTestId("silence-ends").fill("2030-01-15T17:30");
    await form.getByTestId("silence-reason").fill(reason);
    await form.getByTestId("silence-create").click();

    const row = page.getByTestId("silences-upcoming").getByTestId("silence-row").filter({ hasText: reason });
    await expect(row).toBeVisible();
    // The list (city time) shows exactly what was typed…
    await expect(row).toContainText("08:00");
    await expect(row).toContainText("17:30");
    // …and the server stored the instants those are on the city's clock.
    const { silences } = await api<TSilenceList>(page, "GET", "/api/silences");
    const stored = silences.find((s) => s.reason === reason)!;
    expect(stored.startsAt).toBe(new Date(fromWallClockInput("2030-01-15T08:00", cityZone)).toISOString());
    expect(stored.endsAt).toBe(new Date(fromWallClockInput("2030-01-15T17:30", cityZone)).toISOString());
    await page.screenshot({ path: `${SCREENSHOTS}/silences-1440-city-time.png`, fullPage: true });

    await api(page, "POST", `/api/silences/${stored.id}/cancel`, {});
  });
});
