import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { deleteRedisKeys, requireRedis, SHARED_REDIS_URL } from "@/test/fixtures/redis";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { waitFor } from "@/test/wait-for";

const postgres = TEST_BACKENDS.find((b) => b.kind === "postgres")!;

/** Two instances on one PostgreSQL and one Redis: a supervisor tunes a rule on one, both engines apply it. */
describe("a rule change reaches every instance", () => {
  let a: TAlertsTestApp;
  let b: TAlertsTestApp;
  let cleanup: () => Promise<void>;
  const redis = { url: SHARED_REDIS_URL, prefix: `test:${randomUUID()}` };

  beforeAll(async () => {
    await requireRedis();
    const opened = await postgres.open();
    cleanup = opened.cleanup;
    a = await startAlertsTestApp(opened.db, { redis });
    b = await startAlertsTestApp(opened.db, { redis });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cleanup?.();
    await deleteRedisKeys(redis.url, redis.prefix);
  });

  let n = 0;
  /** A bin at 60 %: opens "Bin full" at once only under the tuned rule (default: 90 %, after 60 s). */
  const binAt60 = (): TCityEvent =>
    ({
      id: `bin-${++n}`,
      entityId: `bin-${n}`,
      observedAt: new Date().toISOString(),
      type: "WasteContainer",
      fillingLevel: 0.6,
      status: "ok",
      temperature: 9,
    }) as TCityEvent;
  const opensBinFull = (app: TAlertsTestApp) =>
    app.app.city.alerts!.engine.evaluate(binAt60()).some((s) => s.ruleId === "waste.bin-full" && s.kind === "open");

  it("reloads the rules on the instance that made the change and on the other", async () => {
    expect(opensBinFull(a) || opensBinFull(b)).toBe(false);
    // Route handlers run on the last app registered (b), so b makes the change: wait until a hears b's
    // server-side events (pub/sub delivers only to subscribers present when sent). A probe event of its
    // own, so nothing but the route's notice can make a reload.
    const probe = "test:probe" as "cluster:notice";
    let heard = false;
    a.app.city.hub.io.on(probe, () => {
      heard = true;
    });
    await waitFor(() => {
      b.app.city.hub.io.serverSideEmit(probe, { type: "rules:changed" });
      return heard;
    }, "a hears b's server-side events");

    const saved = await b.app.request("/api/rules/waste.bin-full", {
      method: "PUT",
      cookie: b.cookies.supervisor,
      body: { version: 0, sustainSeconds: 0, params: { metric: "fillingLevel", openAbove: 0.5, clearBelow: 0.3 } },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(opensBinFull(b)).toBe(true); // reloaded before answering
    await waitFor(() => opensBinFull(a), "the other instance reloads the tuned rule");
  });
});
