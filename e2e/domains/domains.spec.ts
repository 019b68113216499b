import { expect, test, type Page } from "@playwright/test";
import type { TAlert } from "../../lib/contracts/alerts";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";
import { isDeckLayerVisible, openControlRoom } from "../fixtures/control-room";
import { api, confirmPendingHandover, resolveAlertsOf } from "../fixtures/operations";

/** The water network's leak rule: tuned on /rules so every district meter raises it at its next reading, then reset. */
const LEAK_RULE = "water-network.pressure-drop";

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

test.describe("declared sensor domains: map, rules, history", () => {
  test.beforeEach(async ({ page }) => {
    // A supervisor: the control room as an operator has it, plus the rules and the history.
    await signInAs(page, "supervisor");
    // A shift handover another test left waiting would be modal over the control room.
    await confirmPendingHandover(page);
  });

  test("each new layer turns on with its legend, a picked sensor shows its fields, its rules are tuned and its alerts found in the history (1440 px)", async ({
    page,
  }) => {
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
    // The alert queue filters by the declared domains too.
    const queueDomain = page.getByRole("group", { name: "Filter alerts" }).getByLabel("Domain");
    await expect(queueDomain.locator("option")).toContainText(DOMAINS.map((d) => d.label));

    // Their rules are tuned on /rules like the built-in ones, in the field's unit.
    await page.goto("/rules");
    const card = page.locator(`[data-testid="rule-card"][data-rule-id="${LEAK_RULE}"]`);
    await expect(page.getByTestId("rules-water-network")).toContainText("Water network");
    await expect(card).toContainText("District pressure below 2 bar for 2 min; clears above 2.5 bar.");
    await expect(card).toContainText("Default from its definition");
    await card.getByLabel("Sustain", { exact: true }).fill("0");
    await card.getByTestId("rule-param-openBelow").fill("10");
    await card.getByTestId("rule-param-clearAbove").fill("12");
    await card.getByRole("button", { name: "Save" }).click();
    await expect(card.getByRole("status")).toHaveText("Saved — takes effect immediately.");
    await expect(card).toContainText("District pressure below 10 bar for 0 s; clears above 12 bar.");
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/domains-rules-1440.png` });

    // The running engine applies it: every meter reads below 10 bar, so leak alerts open at the next readings (every 30 s).
    await expect
      .poll(async () => (await api<TAlert[]>(page, "GET", "/api/alerts?domain=water-network")).some((a) => a.ruleId === LEAK_RULE), {
        timeout: 90_000,
      })
      .toBe(true);
    await card.getByTestId("rule-reset").click();
    await page.getByTestId("rule-reset-confirm").click();
    await expect(card.getByRole("status")).toHaveText("Back to the default — takes effect immediately.");
    await expect(card).toContainText("District pressure below 2 bar");
    await resolveAlertsOf(page, LEAK_RULE);

    // The history filters by a declared domain and names it.
    await page.goto("/history?tab=alerts&domain=water-network");
    await expect(page.getByTestId("history-filter-form").getByLabel("Water network")).toBeChecked();
    const rows = page.getByTestId("history-table").getByTestId("history-row");
    await expect(rows.first()).toContainText("Water network");
    await expect(rows.first()).toContainText("Pressure drop (suspected leak)");
    await page.screenshot({ path: `${SCREENSHOTS}/domains-history-1440.png` });
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await rows.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/domains-history-360.png` });
    await page.goto("/rules");
    await card.scrollIntoViewIfNeeded();
    await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/domains-rules-360.png` });
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
