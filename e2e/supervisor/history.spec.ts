import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { TCityConfigResponse } from "../../lib/contracts/city-api";
import type { TPlaybackRange } from "../../lib/contracts/history";
import type { TIncident } from "../../lib/contracts/incidents";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";
import { api } from "../fixtures/operations";

async function openAs(browser: Browser, role: "operator" | "supervisor", width = 1440, height = 900): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height }, acceptDownloads: true })).newPage();
  await signInAs(page, role);
  return page;
}

test.describe
  .serial("supervisors review what happened", () => {
    test.setTimeout(240_000);

    test("filters the history, opens an incident, downloads the filtered CSV", async ({ browser }) => {
      // Two phoned-in incidents from the control room; only one matches the supervisor's filter.
      const olivia = await openAs(browser, "operator");
      const { manifest } = await api<TCityConfigResponse>(olivia, "GET", "/api/city");
      const marker = `marker${Date.now()}`;
      const fire = await api<TIncident>(olivia, "POST", "/api/incidents", {
        type: "fire",
        priority: "P1",
        location: manifest.center,
        address: "12 Portage Ave",
        description: `Smoke from a garage roof, "shed", ${marker}`,
      });
      await api<TIncident>(olivia, "POST", "/api/incidents", {
        type: "medical",
        priority: "P3",
        location: manifest.center,
        description: `Sprained ankle at the park ${marker}`,
      });
      await api(olivia, "POST", `/api/incidents/${fire.id}/notes`, { text: "Crew reports the roof is holding" });
      await olivia.context().close();

      const sam = await openAs(browser, "supervisor");
      await sam.goto("/history");
      // The results come from the browser's first query: once they show, the form is hydrated and takes the filter.
      await expect(sam.getByTestId("history-table")).toBeVisible();
      const form = sam.getByTestId("history-filter-form");
      await form.getByRole("group", { name: "Type" }).getByLabel("Fire", { exact: true }).check();
      await form.getByLabel("Words in description, address or notes").fill(marker);
      await form.getByRole("button", { name: "Apply filters" }).click();

      // The filter lives in the URL (shareable), and only the fire matches.
      await expect(sam).toHaveURL((url) => url.searchParams.get("type") === "fire" && url.searchParams.get("q") === marker);
      const rows = sam.getByTestId("history-table").getByTestId("history-row");
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toHaveAttribute("data-id", fire.id);
      await expect(rows.first()).toContainText(fire.number);
      await sam.screenshot({ path: `${SCREENSHOTS}/history-1440.png`, fullPage: true });

      // The same view from a bookmark.
      const shared = sam.url();
      await sam.goto("/");
      await sam.goto(shared);
      await expect(sam.getByTestId("history-row")).toHaveCount(1);

      // The CSV holds exactly the filtered set, with the tricky description quoted.
      const [download] = await Promise.all([sam.waitForEvent("download"), sam.getByTestId("export-csv").click()]);
      expect(download.suggestedFilename()).toMatch(/^citynerve-incidents-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path())!, "utf8");
      const lines = csv.trim().split(/\r?\n/);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain("number");
      expect(lines[1]).toContain(fire.number);
      expect(lines[1]).toContain(`"Smoke from a garage roof, ""shed"", ${marker}"`);

      // The incident's own page: its whole timeline, with the note.
      await rows.first().getByRole("link").first().click();
      await expect(sam).toHaveURL((url) => url.pathname === `/history/incidents/${fire.id}`);
      const detail = sam.getByTestId("incident-detail");
      await expect(detail).toHaveAttribute("data-ready", "true");
      await expect(detail).toContainText(fire.number);
      await expect(detail.getByTestId("incident-timeline")).toContainText("Crew reports the roof is holding");
      await expect(detail.getByTestId("incident-timeline")).toContainText("Incident created");
      await expect(detail.getByRole("img", { name: /./ }).and(detail.locator(".incident-location-map"))).toHaveAttribute(
        "data-ready",
        "true",
      );
      await sam.screenshot({ path: `${SCREENSHOTS}/history-1440-incident.png`, fullPage: true });

      // Operators cannot export.
      const operator = await openAs(browser, "operator");
      const refused = await operator.request.get(`/api/history/incidents/export?format=csv&q=${marker}`);
      expect(refused.status()).toBe(403);
      await operator.context().close();
      await sam.context().close();
    });

    test("scrubs the playback slider through the recorded minutes", async ({ browser }) => {
      const sam = await openAs(browser, "supervisor");
      // The server records the city once a minute; wait until there are two minutes to scrub between.
      await expect
        .poll(
          async () => {
            const range = await api<TPlaybackRange>(sam, "GET", "/api/playback/range");
            return range.from && range.to ? Date.parse(range.to) - Date.parse(range.from) : -1;
          },
          { timeout: 150_000, intervals: [5_000] },
        )
        .toBeGreaterThanOrEqual(60_000);

      await sam.goto("/analysis");
      // A click that lands before React has hydrated the tabs does nothing: click until the tab is selected.
      const playbackTab = sam.getByTestId("playback-tab");
      await expect(async () => {
        await playbackTab.click();
        await expect(playbackTab).toHaveAttribute("aria-selected", "true", { timeout: 1_000 });
      }).toPass();
      await expect(sam).toHaveURL((url) => url.searchParams.get("mode") === "playback");
      const slider = sam.getByTestId("playback-slider");
      await expect(slider).toBeVisible();
      const time = sam.getByTestId("playback-time");

      await slider.focus();
      const firstFrame = sam.waitForResponse((r) => r.url().includes("/api/playback?at=") && r.status() === 200);
      await slider.press("Home");
      // Read again by URL: the slider moves the page's URL, and the browser may drop the first response's body.
      const frameUrl = (await firstFrame).url();
      const frame = (await (await sam.request.get(frameUrl)).json()) as { at: string; layers: Record<string, unknown[]> };
      expect(frame.layers.traffic?.length ?? 0).toBeGreaterThan(0);
      const earliest = await time.innerText();

      await slider.press("End");
      await expect(time).not.toHaveText(earliest);
      await slider.press("ArrowLeft");
      await expect(slider).toHaveValue(String(Number(await slider.getAttribute("max")) - 1));
      await sam.screenshot({ path: `${SCREENSHOTS}/analysis-1440-playback.png` });

      // On a phone too.
      await sam.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(sam)).toBeLessThanOrEqual(0);
      await sam.screenshot({ path: `${SCREENSHOTS}/analysis-360-playback.png` });
      await sam.context().close();
    });
  });
