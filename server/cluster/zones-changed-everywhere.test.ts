import { describe, expect, it } from "vitest";
import { NO_ZONE } from "@/lib/contracts/zones";
import type { TAlertsTestApp } from "@/test/fixtures/alerts";
import { withTwoInstances } from "@/test/fixtures/two-instances";
import { socketOutcome } from "@/test/fixtures/test-app";
import { waitFor } from "@/test/wait-for";

/** Two instances on one PostgreSQL and one Redis: an admin draws a zone on one, both place positions in it. */
describe("a zone change reaches every instance", () => {
  let a: TAlertsTestApp;
  let b: TAlertsTestApp;
  withTwoInstances((first, second) => {
    a = first;
    b = second;
  });

  const INSIDE: [number, number] = [-85.6355, 41.9385];
  const FAR: [number, number] = [10, 10];

  it("reloads the index on the instance that made the change and on the other, and pushes to browsers on both", async () => {
    expect(await a.app.db.prisma.zone.count()).toBe(9); // the second start found the grid and kept it
    expect(a.app.city.zones!.zoneOf(INSIDE)).not.toBe("Dock");
    // Route handlers run on the last app registered (b), so b makes the change: wait until a hears b's
    // server-side events (pub/sub delivers only to subscribers present when sent).
    const probe = "test:probe" as "cluster:notice";
    let heard = false;
    a.app.city.hub.io.on(probe, () => {
      heard = true;
    });
    await waitFor(() => {
      b.app.city.hub.io.serverSideEmit(probe, { type: "rules:changed" });
      return heard;
    }, "a hears b's server-side events");
    const socketOnA = a.app.socket(a.cookies.operator);
    expect(await socketOutcome(socketOnA)).toEqual({ connected: true });
    let pushed = false;
    socketOnA.on("zones:changed", () => {
      pushed = true;
    });

    const [lon, lat] = INSIDE;
    const ring = [
      [lon - 0.001, lat - 0.001],
      [lon + 0.001, lat - 0.001],
      [lon + 0.001, lat + 0.001],
      [lon - 0.001, lat + 0.001],
      [lon - 0.001, lat - 0.001],
    ];
    const created = await b.app.request("/api/zones", {
      cookie: b.cookies.admin,
      body: { name: "Dock", kind: "maintenanceArea", geometry: { type: "Polygon", coordinates: [ring] } },
    });
    expect(created.status, created.text).toBe(201);
    expect(b.app.city.zones!.zoneOf(INSIDE)).toBe("Dock"); // reloaded before answering
    expect(b.app.city.zones!.zoneOf(FAR)).toBe(NO_ZONE);
    await waitFor(() => a.app.city.zones!.zoneOf(INSIDE) === "Dock", "the other instance reloads its zones");
    await waitFor(() => pushed, "a browser on the other instance is told zones changed");
    socketOnA.disconnect();
  });
});
