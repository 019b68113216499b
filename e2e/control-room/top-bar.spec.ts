import { expect, test, type Page } from "@playwright/test";
import type { TRole } from "../../lib/contracts/auth";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";
import { confirmPendingHandover } from "../fixtures/operations";
import { navItemsFor } from "../../components/nav/nav-items";

type TBox = { name: string; x: number; y: number; width: number; height: number };

/** The header's parts whose boxes must never overlap each other or leave the screen, read in one step. */
async function headerBoxes(page: Page): Promise<TBox[]> {
  return page.evaluate(() => {
    const header = document.querySelector("header");
    const parts: [string, Element | null][] = [
      ["brand", header?.querySelector("[data-slot='brand']") ?? null],
      ["city", header?.querySelector("[data-slot='city-name']") ?? null],
      ["user menu", document.querySelector("[data-testid='user-menu-button']")],
    ];
    document.querySelectorAll("[data-testid='main-nav'] > ul:not([aria-hidden]) > li").forEach((item, i) => {
      parts.push([`nav item ${i + 1}`, item]);
    });
    for (const testId of ["figure-events-per-second", "figure-consumer-lag", "figure-dead-lettered", "city-clock"]) {
      parts.push([testId, document.querySelector(`[data-testid='${testId}']`)]);
    }
    return parts
      .filter((part): part is [string, Element] => part[1] !== null)
      .map(([name, element]) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { name, x, y, width, height };
      })
      .filter((box) => box.width > 0 && box.height > 0);
  });
}

const overlaps = (a: TBox, b: TBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const HOME: Record<Exclude<TRole, "field">, string> = { operator: "/", supervisor: "/", admin: "/admin/users" };

for (const role of ["operator", "supervisor", "admin"] as const) {
  test(`the ${role}'s top bar fits from 1280 to 1920 px: every link reachable, nothing overlapping, the city's name whole`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAs(page, role);
    // A shift handover another test left waiting would be modal over the page.
    if (role !== "admin") await confirmPendingHandover(page);
    // The header is under test, not the map: without its style the map stays empty and software WebGL does not
    // hold the page's main thread for the tens of seconds its first frames take.
    await page.route("**/style.json", (route) => route.abort());
    await page.goto(HOME[role]);
    // A shift handover waiting to be read (another test may have written one) comes first, as for a person.
    const handover = page.getByRole("button", { name: "I have read this" });
    if (
      await handover.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      await handover.click();
    for (const width of [1280, 1440, 1600, 1920]) {
      await page.setViewportSize({ width, height: 800 });
      await expect(page.getByTestId("main-nav")).toHaveAttribute("data-fitted", "true");
      // Re-measured after the resize: the visible links plus the More menu hold every page the role may open.
      await expect
        .poll(async () => {
          const boxes = await headerBoxes(page);
          const clash = boxes.flatMap((a, i) =>
            boxes
              .slice(i + 1)
              .filter((b) => overlaps(a, b))
              .map((b) => `${a.name} × ${b.name}`),
          );
          const outside = boxes.filter((b) => b.x < 0 || b.x + b.width > width).map((b) => b.name);
          return [...clash, ...outside].map((problem) => `${problem} at ${width} px`);
        })
        .toEqual([]);
      const city = page.locator("header [data-slot='city-name']").first();
      await expect(city).toBeVisible();
      expect(await city.evaluate((el) => el.scrollWidth <= el.clientWidth), `the city's name is cut at ${width} px`).toBe(true);

      // Every page the role may open, once, in menu order: the visible links, then the More menu's. Read again until
      // it holds, as a re-fit after the resize may land between reading the links and opening the menu.
      const expected = navItemsFor(role).map((item) => item.label);
      await expect(async () => {
        const nav = page.getByTestId("main-nav");
        const visible = await nav.locator(":scope > ul:not([aria-hidden]) > li > a").allTextContents();
        const more = page.getByTestId("main-nav-more");
        let hidden: string[] = [];
        if (await more.isVisible()) {
          await more.click();
          const list = nav.locator(":scope > ul:not([aria-hidden]) > li ul");
          await expect(list).toBeVisible({ timeout: 2_000 });
          hidden = await list.locator("a").allTextContents();
          await page.keyboard.press("Escape");
          await expect(more).toBeFocused({ timeout: 2_000 });
        }
        expect([...visible, ...hidden], `the links at ${width} px`).toEqual(expected);
      }).toPass({ timeout: 15_000 });
      if (width === 1280 || width === 1440)
        await page.screenshot({ path: `${SCREENSHOTS}/top-bar-${role}-${width}.png`, clip: { x: 0, y: 0, width, height: 120 } });
    }
    await context.close();
  });
}
