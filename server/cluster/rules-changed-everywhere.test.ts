import { describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TAlertsTestApp } from "@/test/fixtures/alerts";
import { withTwoInstances } from "@/test/fixtures/two-instances";
import { waitFor } from "@/test/wait-for";

/** Two instances on one PostgreSQL and one Redis: a supervisor tunes a rule on one, both engines apply it. */
describe("a rule change reaches every instance", () => {
  let a: TAlertsTestApp;
  let b: TAlertsTestApp;
  withTwoInstances((first, second) => {
    a = first;
    b = second;
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
