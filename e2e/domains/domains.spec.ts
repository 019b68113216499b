import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../fixtures/auth";
import { isDeckLayerVisible, openControlRoom } from "../fixtures/control-room";

const SCREENSHOTS = "e2e/screenshots";

/** The declared domains shipped in lib/domains/definitions, with a field their tooltip shows. */
const DOMAINS = [
  { id: "air-quality", label: "Air quality", legend: "PM2.5 (µg/m³)", field: /PM2\.5\s*[\d.,]+ µg\/m³/ },
  { id: "street-lighting", label: "Street lighting", legend: "Street light status", field: /Power\s*[\d.,]+ W/ },
  { id: "water-network", label: "Water network", legend: "Pressure (bar)", field: /Pressure\s*[\d.,]+ bar/ },
] as const;

/** Centres the map on a sensor that has reported, zoomed in so nothing else is under it; returns its screen point. */
async function focusReportedSensor(page: Page, domain: string): Promise<{ x: number; y: number; id: string }> {
  await expect.poll(() => page.evaluate((d) => window.__citynerve!.store.countDeclared(d), domain), { timeout: 60_000 }).toBeGreaterThan(0);
  const target = await page.evaluate((d) => {
    const debug = window.__citynerve!;
    const sensor = [...debug.entities!.declared!.values()].find((s) => s.domain === d && debug.store.getDeclared(d, s.id));
    debug.map.jumpTo({ center: sensor!.position, zoom: 18 });
    return { id: sensor!.id, position: sensor!.position };
  }, domain);
  await page.waitForFunction(() => window.__citynerve!.map.loaded() && !window.__citynerve!.map.isMoving());
  return page.evaluate(({ id, position }) => {
    const debug = window.__citynerve!;
    const point = debug.map.project(position);
    const box = debug.map.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y, id };
  }, target);
}

test.describe("declared sensor domains on the map", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "operator");
  });

  test("each new layer turns on with its legend, and a picked sensor shows its fields (1440 px)", async ({ page }) => {
    // Three layers and three sensors, each drawn and picked: more than the default budget on a loaded machine.
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openControlRoom(page);
    for (const domain of DOMAINS) {
      const layerId = `declared:${domain.id}`;
      expect(await isDeckLayerVisible(page, layerId)).toBe(false);
      await page.getByTestId(`toggle-${domain.id}`).click();
      await expect.poll(() => isDeckLayerVisible(page, layerId)).toBe(true);
      await expect(page.getByLabel(domain.label, { exact: true })).toBeChecked();
      await expect(page.getByTestId(`legend-${domain.id}`)).toContainText(domain.legend);
    }
    for (const layer of ["traffic", "parking", "waste", "energy"]) await page.getByTestId(`toggle-${layer}`).click();
    await page.evaluate(() => window.__citynerve!.map.jumpTo({ zoom: 13.6 }));
    await page.waitForFunction(() => window.__citynerve!.map.loaded() && !window.__citynerve!.map.isMoving());
    await page.screenshot({ path: `${SCREENSHOTS}/domains-1440.png` });

    for (const domain of DOMAINS) {
      const { x, y, id } = await focusReportedSensor(page, domain.id);
      await page.mouse.move(x, y);
      await page.mouse.click(x, y);
      const tooltip = page.getByTestId("entity-tooltip");
      await expect(tooltip).toHaveAttribute("data-entity-kind", "declared");
      await expect(tooltip).toHaveAttribute("data-entity-id", id);
      await expect(tooltip).toContainText(domain.label);
      await expect(tooltip).toContainText(domain.field);
      await page.screenshot({ path: `${SCREENSHOTS}/domains-${domain.id}-tooltip-1440.png` });
      await page.keyboard.press("Escape");
    }
  });

  test("works on a 360 px phone", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openControlRoom(page);
    await page.getByRole("button", { name: /layers/i }).click();
    for (const domain of DOMAINS) {
      await page.getByTestId(`toggle-${domain.id}`).click();
      await expect(page.getByTestId(`legend-${domain.id}`)).toContainText(domain.legend);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId("legend-water-network").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/domains-360-layers.png` });
    await page.getByRole("button", { name: /layers/i }).click();
    const { x, y } = await focusReportedSensor(page, "air-quality");
    await page.mouse.click(x, y);
    await expect(page.getByTestId("entity-tooltip")).toContainText(DOMAINS[0].field);
    await page.screenshot({ path: `${SCREENSHOTS}/domains-360-tooltip.png` });
  });
});
