import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/auth";
import { figureValue, isDeckLayerVisible, openControlRoom, unitScreenPosition } from "../fixtures/control-room";

const SCREENSHOTS = "e2e/screenshots";

test.describe("live city map", () => {
  // The map and its socket need a session; operators are who watch it.
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "operator");
  });

  test("loads a non-blank map of the city with live layers", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openControlRoom(page);
    await expect(page.getByText("Three Rivers, Michigan")).toBeVisible();
    await expect(page.getByText("© OpenStreetMap contributors")).toBeVisible();

    const ids = await page.evaluate(() => window.__citynerve!.deckLayers().map((l) => l.id));
    expect(ids).toEqual(expect.arrayContaining(["traffic", "parking", "waste", "energy-feeders", "energy-substations", "units"]));
    // Every drivable segment has live data, and all 20 units report.
    await expect.poll(() => page.evaluate(() => window.__citynerve!.store.count("traffic"))).toBe(494);
    await expect.poll(() => page.evaluate(() => window.__citynerve!.store.count("units"))).toBe(20);
    // The map sent its viewport; a town within the entity budget is still sent whole (no per-tile view, no overview).
    expect(await page.evaluate(() => window.__citynerve!.store.getView().mode)).toBe("city");

    // A blank or single-colour canvas compresses to almost nothing; a drawn city does not.
    const png = await page.getByTestId("city-map").screenshot({ path: `${SCREENSHOTS}/desktop-1440.png` });
    expect(png.byteLength).toBeGreaterThan(60_000);
  });

  test("live values arrive as columns once the pack is indexed, and move the map's entities", async ({ page }) => {
    await openControlRoom(page);
    // Counted in the page, whatever the transport (a WebSocket, or long-polling where one is refused).
    await page.evaluate(() => {
      const store = window.__citynerve!.store as NonNullable<typeof window.__citynerve>["store"] & { columnsApplied?: number };
      const apply = store.applyColumns.bind(store);
      store.columnsApplied = 0;
      store.applyColumns = (delta, slots) => {
        apply(delta, slots);
        store.columnsApplied = (store.columnsApplied ?? 0) + 1;
      };
    });
    const newestTraffic = () =>
      page.evaluate(() => {
        const store = window.__citynerve!.store;
        const ids = [...window.__citynerve!.entities!.segments.keys()];
        return Math.max(...ids.map((id) => Date.parse(store.get("traffic", id)?.observedAt ?? "1970-01-01T00:00:00Z")));
      });
    const before = await newestTraffic();
    await expect
      .poll(() => page.evaluate(() => (window.__citynerve!.store as unknown as { columnsApplied: number }).columnsApplied))
      .toBeGreaterThan(2);
    expect(await newestTraffic()).toBeGreaterThan(before);
  });

  test("the subscription is answered in columns once the pack is indexed, and the whole town is still drawn", async ({ page }) => {
    // socket.io's binary acknowledgement ("6") with one attachment, inside an engine.io message ("4").
    const columnarAnswers: string[] = [];
    page.on("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        if (typeof payload === "string" && payload.startsWith("461-")) columnarAnswers.push(payload);
      }),
    );
    await openControlRoom(page);
    await expect.poll(() => columnarAnswers.length).toBeGreaterThan(0);
    expect(columnarAnswers[0]).toContain('"counts"');
    await expect.poll(() => page.evaluate(() => window.__citynerve!.store.count("traffic"))).toBe(494);
    await expect.poll(() => page.evaluate(() => window.__citynerve!.store.count("units"))).toBe(20);
    await expect(page.getByTestId("connection-badge")).toHaveAttribute("data-status", "live");
  });

  test("live figures move: events per second and the dead-letter count", async ({ page }) => {
    await openControlRoom(page);
    await expect.poll(() => figureValue(page, "figure-events-per-second")).toBeGreaterThan(0);
    const before = await figureValue(page, "figure-dead-lettered");
    // The embedded simulator sends a small share of malformed messages; they are counted, not fatal.
    await expect.poll(() => figureValue(page, "figure-dead-lettered"), { timeout: 30_000 }).toBeGreaterThan(before);
    await expect(page.getByTestId("figure-consumer-lag")).toContainText("simulator");
  });

  test("toggling a layer hides it and showing it brings it back", async ({ page }) => {
    await openControlRoom(page);
    expect(await isDeckLayerVisible(page, "waste")).toBe(true);
    await page.getByTestId("toggle-waste").click();
    await expect.poll(() => isDeckLayerVisible(page, "waste")).toBe(false);
    await page.getByTestId("toggle-waste").click();
    await expect.poll(() => isDeckLayerVisible(page, "waste")).toBe(true);
  });

  test("hovering and clicking a unit shows its latest values and age", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openControlRoom(page);
    // A fire engine waits at its station, so it stays put while the pointer moves there.
    const engine = await page.evaluate(() => [...window.__citynerve!.entities!.units.values()].find((u) => u.type === "fire")!.id);
    const { x, y } = await unitScreenPosition(page, engine);
    await page.mouse.move(x, y);
    const tooltip = page.getByTestId("entity-tooltip");
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveAttribute("data-entity-kind", "unit");
    await page.mouse.click(x, y);
    await expect(tooltip).toHaveAttribute("data-pinned", "true");
    await expect(tooltip).toContainText(/available/i);
    await expect(page.getByTestId("entity-tooltip-age")).toContainText(/ago|just now/);
    await page.screenshot({ path: `${SCREENSHOTS}/tooltip-1440.png` });
    await page.keyboard.press("Escape");
    await expect(tooltip).not.toHaveAttribute("data-pinned", "true");
    await page.mouse.move(700, 20); // off the map, onto the top bar
    await expect(tooltip).toBeHidden();

    // On a phone the pinned card docks above the bottom edge (components/ui/map-tooltip.module.css).
    await page.setViewportSize({ width: 360, height: 740 });
    // deck.gl's view follows the resized map on its next frame: click again until the click picks the engine.
    await expect(async () => {
      const onPhone = await unitScreenPosition(page, engine);
      await page.mouse.click(onPhone.x, onPhone.y);
      await expect(tooltip).toHaveAttribute("data-pinned", "true", { timeout: 1_000 });
    }).toPass();
    await page.screenshot({ path: `${SCREENSHOTS}/tooltip-360.png` });
    await page.keyboard.press("Escape");
    await expect(tooltip).toBeHidden();
  });

  test("works on a 360 px phone", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openControlRoom(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The layer panel starts folded away so the map is usable; opening it reaches the toggles.
    await expect(page.getByTestId("toggle-traffic")).toBeHidden();
    await page.getByRole("button", { name: /layers/i }).click();
    await expect(page.getByTestId("toggle-traffic")).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/phone-360-layers.png` });
    await page.getByTestId("toggle-traffic").click();
    await expect.poll(() => isDeckLayerVisible(page, "traffic")).toBe(false);
  });
});
