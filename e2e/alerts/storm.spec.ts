import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import type { MqttClient } from "mqtt";
import type { TAlert } from "../../lib/contracts/alerts";
import type { TClusterProcess } from "../../test/fixtures/cluster-processes";
import { freePort } from "../../test/fixtures/free-port";
import { connectPublisher, forgetMqttSession, requireMosquitto, SHARED_MOSQUITTO_URL } from "../../test/fixtures/mosquitto";
import { stormBinEvent } from "../../test/fixtures/storm-city";
import { spawnStormServer, stormBinTopic, writeStormPack, type TStormPack } from "../../test/fixtures/storm-pack";
import { createTestPostgres, type TTestPostgres } from "../../test/fixtures/test-databases";
import { SCREENSHOTS, horizontalOverflow, signInOn } from "../fixtures/auth";

/**
 * An alarm storm through the real path, on a server of its own (the suite's server runs the simulator; this one
 * reads its sensors from MQTT, which replaces the simulator): 500 bins report fire over the shared Mosquitto, the
 * rules engine raises, PostgreSQL stores, the hub pushes, and an operator's queue takes them all while drawing a
 * screenful. The 5,000-alert figures are bench/alert-storm.ts's; this is the behaviour.
 */
const ALERTS = 500;
const START_BOUND_MS = 180_000;
/** More than a screenful on the tallest screen, far fewer than the storm. */
const MAX_ROWS = 60;

let pack: TStormPack;
let postgres: TTestPostgres;
let server: TClusterProcess;
let publisher: MqttClient;
let origin = "";
const topicPrefix = `storm-e2e-${randomUUID().slice(0, 8)}`;

/** A bin reporting `status` at `observedAt`, as its sensor would over MQTT (QoS 1: the broker has it on return). */
async function report(binId: string, observedAt: Date, status = "burning"): Promise<void> {
  const event = stormBinEvent(binId, observedAt.toISOString(), status);
  await publisher.publishAsync(stormBinTopic(topicPrefix, binId), JSON.stringify(event), { qos: 1 });
}

const rowsInDom = (page: Page) => page.getByTestId("alert-row").count();

test.describe
  .serial("alarm storm", () => {
    test.setTimeout(START_BOUND_MS + 120_000);

    test.beforeAll(async () => {
      test.setTimeout(START_BOUND_MS + 60_000);
      await requireMosquitto();
      // One bin more than the storm: it flaps (vandalised, fine, vandalised, …) instead of burning.
      [pack, postgres, publisher] = await Promise.all([
        writeStormPack(`storm-e2e-${process.pid}`, ALERTS + 1),
        createTestPostgres({ prefix: "citynerve_e2e_storm" }),
        connectPublisher(),
      ]);
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      server = spawnStormServer({ port, databaseUrl: postgres.url, packId: pack.packId, mqttUrl: SHARED_MOSQUITTO_URL, topicPrefix });
      await expect
        .poll(
          async () => {
            if (server.child.exitCode !== null) throw new Error(`the storm server exited:\n${server.output()}`);
            return (await fetch(`${origin}/api/health/ready`).catch(() => null))?.status;
          },
          { timeout: START_BOUND_MS, message: "the storm server becomes ready" },
        )
        .toBe(200);
    });

    test.afterAll(async () => {
      await publisher?.endAsync();
      await server?.stop();
      await forgetMqttSession(topicPrefix);
      await postgres?.drop();
      await pack?.remove();
    });

    test("every alert of a storm reaches the queue, a screenful is drawn, the keys and a group acknowledge work", async ({ browser }) => {
      const context = await browser.newContext({ baseURL: origin, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await signInOn(page, origin, "operator");
      await page.goto("/");
      await expect(page.getByTestId("city-map")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
      await expect(page.getByTestId("connection-badge")).toHaveAttribute("data-status", "live");

      // A bin that keeps changing its mind: after five changes it is one flapping alert that counts them.
      const flapper = pack.binIds[ALERTS]!;
      const start = Date.now() - 60_000;
      for (let i = 0; i < 9; i++) await report(flapper, new Date(start + i * 1_000), i % 2 === 0 ? "vandalised" : "ok");
      await expect(page.locator('[data-testid="alert-row"][data-flapping="true"]')).toBeVisible();

      // The storm: every bin burning, as fast as the broker takes them.
      for (const binId of pack.binIds.slice(0, ALERTS)) await report(binId, new Date());
      const queue = page.getByTestId("alert-queue");
      await expect(queue).toHaveAttribute("data-count", String(ALERTS + 1), { timeout: 60_000 });
      expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS);
      // Nothing lost on the way: what the server holds open is what the queue counts.
      const listed = (await (await page.request.get("/api/alerts")).json()) as TAlert[];
      expect(listed).toHaveLength(ALERTS + 1);

      // Keys: End reaches the last alert (the flapping one, the least severe), Home the first; only rows in view exist.
      await page.locator('[data-testid="alert-row"][tabindex="0"]').focus();
      await page.keyboard.press("End");
      await expect(page.locator('[data-testid="alert-row"][data-flapping="true"]')).toBeFocused();
      await page.keyboard.press("Home");
      const first = page.locator('li[data-index="0"] > [data-testid="alert-row"]');
      await expect(first).toBeFocused();
      expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS);

      // The first alert's correlation group, acknowledged at once from the bar above the queue.
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("alert-drawer")).toBeVisible();
      const bar = page.getByTestId("alert-group-bar");
      await expect(bar).toContainText(/Group · \d+ related alerts, \d+ open/);
      const groupId = (await first.getAttribute("data-group"))!;
      const members = listed.filter((alert) => alert.correlationGroup === groupId).length;
      await expect(bar).toContainText(`Group · ${members} related alerts, ${members} open`);
      await bar.getByTestId("group-acknowledge").click();
      await expect(bar.getByTestId("group-feedback")).toContainText(`${members} alerts acknowledged.`);
      await expect(bar).toContainText(`Group · ${members} related alerts`);
      await expect(bar).not.toContainText("open");
      await expect(first).toHaveAttribute("data-status", "acknowledged");
      const after = (await (await page.request.get("/api/alerts")).json()) as TAlert[];
      expect(after.filter((alert) => alert.correlationGroup === groupId).map((alert) => alert.status)).toEqual(
        Array(members).fill("acknowledged"),
      );

      // The picture: the group bar over the queue, scrolled to the flapping alert.
      await page.locator('[data-testid="alert-row"][tabindex="0"]').focus();
      await page.keyboard.press("End");
      await page.screenshot({ path: `${SCREENSHOTS}/storm-1440.png` });

      // A phone: the queue's sheet scrolls inside itself too.
      await page.keyboard.press("Escape");
      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByTestId("side-panel").locator(':scope > [data-slot="sheet-handle"]').click();
      await expect(queue).toBeVisible();
      expect(await rowsInDom(page)).toBeLessThan(MAX_ROWS);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SCREENSHOTS}/storm-360.png` });
      await context.close();
    });
  });
