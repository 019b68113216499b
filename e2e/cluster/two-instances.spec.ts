import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEAD_LETTER_TOPIC, LAYERS } from "../../lib/contracts/layers";
import type { TRuleSetting } from "../../lib/contracts/rules";
import { spawnTsx, type TClusterProcess } from "../../test/fixtures/cluster-processes";
import { deleteRedisKeys, requireRedis, SHARED_REDIS_URL } from "../../test/fixtures/redis";
import { createTestPostgres, type TTestPostgres } from "../../test/fixtures/test-databases";
import { startKafkaMock, type TKafkaMock } from "../../test/kafka-mock";
import { SCREENSHOTS, signInOn } from "../fixtures/auth";

/**
 * Two operators on two instances of the production build (server.ts, as `npm run serve` runs it) that share
 * one Kafka (librdkafka's mock, fed by the simulator producer), one PostgreSQL database and one Redis: what
 * one acknowledges, the other sees without a reload. The instances reuse the build the suite's web server made.
 */
const PACK = "three-rivers";
const RULE_ID = "parking.lot-full";
const PORTS = [3111, 3112];
const origins = PORTS.map((port) => `http://127.0.0.1:${port}`);
const START_BOUND_MS = 180_000;
/** The built-in domains' topics, read from their files: Playwright's loader cannot import JSON modules. */
const CITY_TOPICS = LAYERS.map(
  (layer) => (JSON.parse(readFileSync(`lib/domains/definitions/builtin/${layer}.json`, "utf8")) as { kafkaTopic: string }).kafkaTopic,
);

let mock: TKafkaMock;
let postgres: TTestPostgres;
let producer: TClusterProcess;
let instances: TClusterProcess[] = [];
const redisPrefix = `test:e2e-cluster:${randomUUID()}`;

async function untilReady(origin: string, instance: TClusterProcess): Promise<void> {
  await expect
    .poll(
      async () => {
        if (instance.child.exitCode !== null) throw new Error(`instance ${origin} exited:\n${instance.output()}`);
        return (await fetch(`${origin}/api/health/ready`).catch(() => null))?.status;
      },
      { timeout: START_BOUND_MS, message: `${origin} becomes ready` },
    )
    .toBe(200);
}

/** A signed-in operator's page on one instance (its own browser context: its own cookie jar). */
async function operatorOn(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInOn(page, origin, "operator");
  await page.goto("/");
  await expect(page.getByTestId("connection-badge")).toHaveAttribute("data-status", "live", { timeout: 60_000 });
  return page;
}

test.describe
  .serial("two instances", () => {
    test.setTimeout(START_BOUND_MS + 180_000);

    test.beforeAll(async () => {
      test.setTimeout(START_BOUND_MS + 60_000);
      await requireRedis();
      [mock, postgres] = await Promise.all([
        startKafkaMock({
          topics: [...CITY_TOPICS.map((name) => ({ name, partitions: 4 })), { name: DEAD_LETTER_TOPIC, partitions: 1 }],
        }),
        createTestPostgres({ prefix: "citynerve_e2e_cluster" }),
      ]);
      producer = spawnTsx("scripts/simulate.ts", ["--brokers", mock.brokers.join(","), "--rate", "200", "--malformed-ratio", "0"], {
        CITY_PACK: PACK,
      });
      const shared = {
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        CITY_PACK: PACK,
        DATABASE_URL: postgres.url,
        KAFKA_BROKERS: mock.brokers.join(","),
        REDIS_URL: SHARED_REDIS_URL,
        REDIS_PREFIX: redisPrefix,
        LEADER_RETRY_MS: "500",
        DEMO_USERS: "true",
        ALLOW_DEMO_USERS_IN_PRODUCTION: "true",
        AUTH_SIGN_IN_MAX_PER_MINUTE: "1000",
        ALLOWED_ORIGINS: origins.join(","),
        BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      };
      instances = PORTS.map((port, i) =>
        spawnTsx("server.ts", [], { ...shared, PORT: String(port), PUBLIC_URL: origins[i], INSTANCE_ID: `e2e-${"ab"[i]}-${process.pid}` }),
      );
      await Promise.all(instances.map((instance, i) => untilReady(origins[i], instance)));
    });

    test.afterAll(async () => {
      await Promise.all([...instances.map((i) => i.stop()), producer?.stop()]);
      await postgres?.drop();
      await mock?.stop();
      await deleteRedisKeys(SHARED_REDIS_URL, redisPrefix);
    });

    test("an operator on one instance acknowledges an alert; an operator on the other sees it live", async ({ browser }) => {
      const [onA, onB] = [await operatorOn(browser, origins[0]), await operatorOn(browser, origins[1])];

      // A supervisor lowers a threshold through instance B; whichever instance leads raises the alerts.
      const supervisor = await (await browser.newContext({ baseURL: origins[1] })).newPage();
      const headers = { Origin: origins[1] };
      await signInOn(supervisor, origins[1], "supervisor");
      const rules = (await (await supervisor.request.get("/api/rules")).json()) as TRuleSetting[];
      const rule = rules.find((s) => s.rule.id === RULE_ID)!;
      const tuned = await supervisor.request.put(`/api/rules/${RULE_ID}`, {
        data: {
          version: rule.version,
          severity: "critical",
          sustainSeconds: 0,
          params: { metric: "occupancy", openAbove: 0.01, clearBelow: 0.005 },
        },
        headers,
      });
      expect(tuned.status(), await tuned.text()).toBe(200);

      const rowOnA = onA.getByTestId("alert-row").filter({ hasText: "Parking lot full" }).first();
      await expect(rowOnA).toBeVisible({ timeout: 60_000 });
      const alertId = (await rowOnA.getAttribute("data-alert-id"))!;
      // Both open it from its link: the queue draws only the rows in view, and with dozens of lots full, newer
      // alerts soon push this one's row out of it.
      for (const page of [onA, onB]) await page.goto(`/?alert=${encodeURIComponent(alertId)}`);
      const statusOnB = onB.getByTestId("alert-drawer-status");
      await expect(onA.getByTestId("alert-drawer-status")).toBeVisible({ timeout: 60_000 });
      await expect(statusOnB).toBeVisible({ timeout: 60_000 });
      await expect(onB.getByTestId("connection-badge")).toHaveAttribute("data-status", "live", { timeout: 60_000 });
      await expect(statusOnB).not.toContainText("Acknowledged");

      await onA.getByTestId("alert-acknowledge").click();
      await expect(onA.getByTestId("drawer-feedback")).toContainText("Acknowledged.");

      // Pushed from A through Redis to B's socket: no reload on B.
      await expect(statusOnB).toContainText("Acknowledged by Olivia Operator");
      await onB.screenshot({ path: `${SCREENSHOTS}/two-instances-1440-b.png` });
      for (const page of [onA, onB, supervisor]) await page.context().close();
    });
  });
