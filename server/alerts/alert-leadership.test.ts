import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { Prisma } from "@/server/db/generated/client";
import { DEFAULT_RULES } from "@/server/rule-engine/default-rules";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";

const CITY: TCityEntities = {
  ...TINY_CITY,
  bins: ["bin-1", "bin-2", "bin-3"].map((id, i) => ({ id, street: "Main St", position: [-85.64 + i * 0.0005, 41.9401], volumeL: 120 })),
};
const RULE = "waste.bin-burning"; // critical: escalates when nobody acknowledges it
const ESCALATION_SECONDS = 30;
/** A takeover within a few retries; the bound waited for is generous for a loaded machine. */
const TAKEOVER_BOUND_MS = 10_000;
/** The escalation timer runs every 5 s. */
const ESCALATION_BOUND_MS = 15_000;

/**
 * Two instances of the app on one PostgreSQL server, each with the whole city, fed the same events
 * (the second one's stream starts later, as for an instance started later). Only the lease holder
 * evaluates, stores and escalates; when it stops, the other carries its alerts on.
 */
describe("alerts with two instances and a leader lease (postgres)", () => {
  let server: TTestPostgres;
  const databases: TDatabase[] = [];
  const apps: TTestApp[] = [];
  let clock = Date.now() - 10 * 60_000;
  const at = (stepS = 10) => new Date((clock += stepS * 1000)).toISOString();
  const bin = (entityId: string, status: string, observedAt: string) => ({
    id: `${entityId}@${observedAt}`,
    entityId,
    observedAt,
    type: "WasteContainer",
    fillingLevel: 0.3,
    status,
    temperature: 12,
  });

  beforeEach(async () => {
    server = await createTestPostgres();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const db of databases.splice(0)) await db.close();
    await server.drop();
  });

  const startInstance = async (retryMs = 200) => {
    const db = await createDatabase({ databaseUrl: server.url, dataDir: IN_MEMORY_DATA_DIR });
    databases.push(db);
    const app = await startTestApp({
      db,
      entities: CITY,
      seedDemoUsers: false,
      alertTimers: true,
      escalationSeconds: ESCALATION_SECONDS,
      leaderLease: { connectionString: server.url, retryMs },
    });
    apps.push(app);
    return app;
  };
  const send = async (apps: TTestApp[], events: unknown[]) => {
    for (const app of apps) {
      await (app.city.source as unknown as { push(topic: string, values: unknown[]): Promise<void> }).push("city.waste", events);
      await app.city.alerts!.flush();
    }
  };
  const alertsOf = (db: TDatabase, entityId: string) => db.prisma.alert.findMany({ where: { ruleId: RULE, entityId } });
  const auditActions = async (db: TDatabase, alertId: string) =>
    (await db.prisma.auditLog.findMany({ where: { entityType: "alert", entityId: alertId }, orderBy: { id: "asc" } })).map((e) => e.action);

  it("stores and escalates each alert once, and the new leader carries them on after the leader stops", async () => {
    const first = await startInstance();
    const second = await startInstance();
    const db = first.db;
    expect([first.runtime.isLeader(), second.runtime.isLeader()]).toEqual([true, false]);

    // The condition starts before the second instance's stream does: had it evaluated too, its later
    // start would have made a second alert for the same fire.
    const started = at();
    await send([first], [bin("bin-1", "burning", started)]);
    await send([first, second], [bin("bin-1", "burning", at(60))]); // updates are written at most once a minute
    const [raised, ...doubled] = await alertsOf(db, "bin-1");
    expect(doubled).toEqual([]);
    expect(raised).toMatchObject({ firstSeenAt: new Date(started), count: 2, status: "open" });

    await waitFor(async () => (await alertsOf(db, "bin-1"))[0]?.escalated, "the leader escalates the alert", ESCALATION_BOUND_MS);
    expect(await auditActions(db, raised.id)).toEqual(["alert.raised", "alert.escalated"]);

    // The leader stops (a deploy); a fire starting meanwhile reaches the second instance's city either
    // before it leads (then its first look at the city raises it) or after (then its next event does).
    await first.close();
    await send([second], [bin("bin-2", "burning", at())]);
    await waitFor(() => second.runtime.isLeader(), "the second instance leads", TAKEOVER_BOUND_MS);
    await second.city.alerts!.flush();

    await send([second], [bin("bin-1", "burning", at(60))]);
    const [carriedOn, ...others] = await alertsOf(db, "bin-1");
    expect(others).toEqual([]);
    expect(carriedOn).toMatchObject({ id: raised.id, count: 3, escalated: true });

    const [newFire, ...newDoubles] = await waitFor(async () => {
      const rows = await alertsOf(db, "bin-2");
      return rows.length > 0 ? rows : undefined;
    }, "the new leader raises the fire that started during the takeover");
    expect(newDoubles).toEqual([]);
    await waitFor(async () => (await alertsOf(db, "bin-2"))[0]?.escalated, "the new leader escalates", ESCALATION_BOUND_MS);
    expect(await auditActions(db, newFire.id)).toEqual(["alert.raised", "alert.escalated"]);

    // The first fire goes out: the new leader records it on the one stored alert, once.
    const out = at();
    await send([second], [bin("bin-1", "ok", out)]);
    await send([second], [bin("bin-1", "ok", at(310))]);
    const [cleared, ...clearedDoubles] = await alertsOf(db, "bin-1");
    expect(clearedDoubles).toEqual([]);
    expect(cleared).toMatchObject({ id: raised.id, conditionClearedAt: new Date(Date.parse(out) + 300_000), status: "open" });
    expect(await auditActions(db, raised.id)).toEqual(["alert.raised", "alert.escalated", "alert.condition_cleared"]);
  });

  it("refuses the writes of a leader whose lease was lost, so the next leader's alert is the only one", async () => {
    // The first instance checks its lease only once a minute: it goes on writing as if it still led.
    const first = await startInstance(60_000);
    const second = await startInstance();
    const db = first.db;
    const [lease] = await db.prisma.$queryRaw<{ pid: number }[]>`
      SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()`;
    await db.prisma.$queryRaw`SELECT pg_terminate_backend(${lease.pid})`;
    await waitFor(() => second.runtime.isLeader(), "the second instance leads", TAKEOVER_BOUND_MS);
    expect(first.runtime.isLeader()).toBe(true); // it has not noticed yet

    // The fire reaches the old leader first (the new one's stream is behind): its write is refused.
    const seenByOld = at();
    await (first.city.source as unknown as { push(topic: string, values: unknown[]): Promise<void> }).push("city.waste", [
      bin("bin-3", "burning", seenByOld),
    ]);
    await expect(first.city.alerts!.flush()).rejects.toThrow(/still pending/);
    const seenByNew = at();
    await send([second], [bin("bin-3", "burning", seenByNew)]);
    await first.close(); // stepping down, it drops what it could not write

    const [only, ...doubled] = await alertsOf(db, "bin-3");
    expect(doubled).toEqual([]);
    expect(only.firstSeenAt).toEqual(new Date(seenByNew));
  });

  it("applies a rule changed through another instance to the leader's engine", async () => {
    const leader = await startInstance();
    await startInstance();
    const ruleId = "waste.bin-vandalised"; // minor: clearing resolves it
    await send([leader], [bin("bin-2", "vandalised", at())]);
    const [raised] = await leader.db.prisma.alert.findMany({ where: { ruleId, entityId: "bin-2" } });
    expect(raised).toMatchObject({ status: "open", conditionClearedAt: null });

    // What the rules route on the other instance stores (it reloads only its own engine).
    const disabled = { ...DEFAULT_RULES.find((r) => r.id === ruleId)!, enabled: false };
    await leader.db.prisma.ruleSetting.create({ data: { id: ruleId, definition: disabled as unknown as Prisma.InputJsonValue } });
    const cleared = await waitFor(
      async () => (await leader.db.prisma.alert.findUnique({ where: { id: raised.id } }))?.conditionClearedAt,
      "the leader drops the disabled rule's alert",
    );
    expect(cleared).toBeInstanceOf(Date);
  });
});
