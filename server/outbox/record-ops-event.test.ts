import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { switchOpsOutboxOn } from "./ops-outbox-switch";

/** Embedded mode (PGlite, no Kafka) writes no outbox rows; switched on, a change writes its event in its transaction. */
describe("the outbox switch", () => {
  let db: TDatabase;
  let t: TAlertsTestApp;
  beforeAll(async () => {
    db = await createDatabase({ dataDir: IN_MEMORY_DATA_DIR });
    t = await startAlertsTestApp(db);
  });
  afterAll(async () => {
    await t?.close();
    await db?.close();
  });
  const openIncident = () =>
    t.app.request("/api/incidents", {
      cookie: t.cookies.operator,
      body: { type: "medical", priority: "P2", location: [-85.635, 41.94], description: "switch" },
    });

  it("writes nothing while off, and the incident as the API returns it once on", async () => {
    expect((await openIncident()).status).toBe(201);
    await t.seedAlert();
    expect(await db.prisma.opsOutbox.count()).toBe(0);

    const switchOff = switchOpsOutboxOn();
    try {
      const created = await openIncident();
      expect(created.status).toBe(201);
      const rows = await db.prisma.opsOutbox.findMany();
      expect(rows).toMatchObject([{ topic: "city.ops.incidents", entityId: created.body.id, type: "incident.created", publishedAt: null }]);
      expect(rows[0].entity).toEqual(created.body);
    } finally {
      switchOff();
    }
    expect((await openIncident()).status).toBe(201);
    expect(await db.prisma.opsOutbox.count()).toBe(1);
  });
});
