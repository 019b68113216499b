import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { DEFAULT_RULES } from "@/server/rule-engine/default-rules";
import type { TDatabase } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { resolveAlert } from "./resolve-alert";

/** Fourteen bins: ten to burn at once, and one each for the pending, resolved, disabled-rule and takeover cases. */
const CITY: TCityEntities = {
  ...TINY_CITY,
  bins: Array.from({ length: 14 }, (_, i) => ({
    id: `bin-${i + 1}`,
    street: "Main St",
    position: [-85.64 + i * 0.0005, 41.9401] as [number, number],
    volumeL: 120,
  })),
};
const BURNING_BINS = CITY.bins.slice(0, 10).map((b) => b.id);

/**
 * The process restarted (a deploy, a crash) while a condition holds: a new runtime on the same
 * database carries on the alert it left open, through the real ingest path into the real database.
 */
describe.each(TEST_BACKENDS)("alerts across a restart ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  let app: TTestApp | undefined;
  // Event time moves forward through the file (recent, so ingest's time checks accept it).
  let clock = Date.now() - 60 * 60_000;
  const at = (stepS = 10) => new Date((clock += stepS * 1000)).toISOString();
  const bin = (entityId: string, reading: { fillingLevel?: number; status?: string }, observedAt: string) => ({
    id: `${entityId}@${observedAt}`,
    entityId,
    observedAt,
    type: "WasteContainer",
    fillingLevel: 0.3,
    status: "ok",
    temperature: 12,
    ...reading,
  });

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => cleanup());

  /** Stops the running app, if any, and starts a new one: a fresh engine, nothing kept in memory. */
  async function restart(): Promise<TTestApp> {
    await app?.close();
    app = undefined;
    app = await startTestApp({ db, entities: CITY, seedDemoUsers: false });
    return app;
  }
  async function send(events: unknown[]): Promise<void> {
    await (app!.city.source as unknown as { push(topic: string, values: unknown[]): Promise<void> }).push("city.waste", events);
    await app!.city.alerts!.flush();
  }
  const alertsOf = (ruleId: string, entityIds: string[]) =>
    db.prisma.alert.findMany({ where: { ruleId, entityId: { in: entityIds } }, orderBy: { entityId: "asc" } });
  const auditActions = async (alertIds: string[]) =>
    (await db.prisma.auditLog.findMany({ where: { entityType: "alert", entityId: { in: alertIds } }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );

  it("keeps one alert per burning bin for ten bins burning across restarts, and clears each once", async () => {
    await restart();
    const first = at();
    await send(BURNING_BINS.map((id) => bin(id, { status: "burning" }, first)));
    const raised = await alertsOf("waste.bin-burning", BURNING_BINS);
    expect(raised.map((a) => [a.entityId, a.count])).toEqual(BURNING_BINS.toSorted().map((id) => [id, 1]));

    await restart();
    await send(BURNING_BINS.map((id) => bin(id, { status: "burning" }, first))); // Kafka redelivers the uncommitted batch
    const burning = at();
    await send(BURNING_BINS.map((id) => bin(id, { status: "burning" }, burning)));
    await restart();
    await send(BURNING_BINS.map((id) => bin(id, { status: "burning" }, at())));
    const carriedOn = await alertsOf("waste.bin-burning", BURNING_BINS);
    expect(carriedOn.map((a) => a.id)).toEqual(raised.map((a) => a.id));
    for (const alert of carriedOn)
      expect(alert).toMatchObject({ count: 3, firstSeenAt: new Date(first), conditionClearedAt: null, status: "open" });

    // Bin on fire clears 5 minutes after it stops burning; a restart in between restarts that wait.
    await send(BURNING_BINS.map((id) => bin(id, { status: "ok" }, at())));
    await restart();
    const out = at();
    await send(BURNING_BINS.map((id) => bin(id, { status: "ok" }, out)));
    await send(BURNING_BINS.map((id) => bin(id, { status: "ok" }, at(310))));
    await restart();
    await send(BURNING_BINS.map((id) => bin(id, { status: "ok" }, at())));
    const cleared = await alertsOf("waste.bin-burning", BURNING_BINS);
    expect(cleared.map((a) => a.id)).toEqual(raised.map((a) => a.id));
    // Critical: the condition is recorded as cleared, the alert waits for a person.
    for (const alert of cleared) expect(alert).toMatchObject({ conditionClearedAt: new Date(Date.parse(out) + 300_000), status: "open" });
    for (const alert of cleared) expect(await auditActions([alert.id])).toEqual(["alert.raised", "alert.condition_cleared"]);
  });

  it("raises one alert when the process restarts while the condition is still pending", async () => {
    const id = "bin-11";
    await restart();
    await send([bin(id, { fillingLevel: 0.95 }, at())]); // Bin full needs 60 s: pending, nothing stored yet
    expect(await alertsOf("waste.bin-full", [id])).toEqual([]);
    await restart();
    for (let i = 0; i < 8; i++) await send([bin(id, { fillingLevel: 0.95 }, at())]);
    await restart();
    await send([bin(id, { fillingLevel: 0.97 }, at())]);
    const [alert, ...others] = await alertsOf("waste.bin-full", [id]);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ status: "open", conditionClearedAt: null, worstValue: 0.97 });

    await send([bin(id, { fillingLevel: 0.2 }, at())]);
    await restart();
    await send([bin(id, { fillingLevel: 0.2 }, at())]);
    expect(await alertsOf("waste.bin-full", [id])).toMatchObject([
      { id: alert.id, status: "resolved", resolution: "Condition cleared (auto-resolved)" },
    ]);
    expect(await auditActions([alert.id])).toEqual(["alert.raised", "alert.auto_resolved"]);
  });

  it("does not raise a second alert for a condition an operator resolved while it still holds", async () => {
    const id = "bin-12";
    await restart();
    await send([bin(id, { status: "burning" }, at())]);
    const [raised] = await alertsOf("waste.bin-burning", [id]);
    const deps = {
      prisma: db.prisma,
      actor: { id: "op", email: "op@citynerve.local", role: "operator" },
      ip: null,
      publish: { alert() {} },
      zoneOf: () => "Central",
    };
    await resolveAlert(deps as never, raised.id, { version: raised.version, reason: "Fire brigade on site" });

    await restart();
    await send([bin(id, { status: "burning" }, at())]);
    await send([bin(id, { status: "burning" }, at(120))]);
    expect(await alertsOf("waste.bin-burning", [id])).toMatchObject([{ id: raised.id, status: "resolved", conditionClearedAt: null }]);

    const out = at();
    await send([bin(id, { status: "ok" }, out)]);
    await send([bin(id, { status: "ok" }, at(310))]);
    expect(await alertsOf("waste.bin-burning", [id])).toMatchObject([
      { id: raised.id, status: "resolved", conditionClearedAt: new Date(Date.parse(out) + 300_000) },
    ]);
    expect(await auditActions([raised.id])).toEqual(["alert.raised", "alert.resolved", "alert.condition_cleared"]);
  });

  it("carries on another process's alert when taking over its partitions, even for an event that arrives during the read", async () => {
    const id = "bin-14";
    const taker = await restart();
    const owner = await startTestApp({ db, entities: CITY, seedDemoUsers: false });
    try {
      await (owner.city.source as unknown as { push(topic: string, values: unknown[]): Promise<void> }).push("city.waste", [
        bin(id, { status: "burning" }, at()),
      ]);
      await owner.city.alerts!.flush();
      const [raised] = await alertsOf("waste.bin-burning", [id]);

      // The partition moves: the taker reads open alerts while the entity's next event is already here.
      const recovering = taker.city.alerts!.recoverEpisodes();
      expect(taker.city.cityState.apply(bin(id, { status: "burning" }, at()) as never)).toBe(true);
      await recovering;
      await taker.city.alerts!.flush();
      expect(await alertsOf("waste.bin-burning", [id])).toMatchObject([{ id: raised.id, count: 2 }]);
    } finally {
      await owner.close();
    }
    const out = at();
    await send([bin(id, { status: "ok" }, out)]);
    await send([bin(id, { status: "ok" }, at(310))]);
    const [cleared, ...others] = await alertsOf("waste.bin-burning", [id]);
    expect(others).toEqual([]);
    expect(cleared.conditionClearedAt).toEqual(new Date(Date.parse(out) + 300_000));
    expect(await auditActions([cleared.id])).toEqual(["alert.raised", "alert.condition_cleared"]);
  });

  it("clears, once, an alert whose rule was disabled while the process was down", async () => {
    const id = "bin-13";
    const ruleId = "waste.bin-vandalised";
    await restart();
    await send([bin(id, { status: "vandalised" }, at())]);
    const [raised] = await alertsOf(ruleId, [id]);
    expect(raised).toMatchObject({ status: "open", conditionClearedAt: null });

    await app!.close();
    app = undefined;
    const disabled = { ...DEFAULT_RULES.find((r) => r.id === ruleId)!, enabled: false };
    await db.prisma.ruleSetting.create({ data: { id: ruleId, definition: disabled as unknown as Prisma.InputJsonValue } });
    try {
      await restart();
      await app!.city.alerts!.flush();
      await restart();
      await send([bin(id, { status: "vandalised" }, at())]);
    } finally {
      await db.prisma.ruleSetting.delete({ where: { id: ruleId } });
    }
    // Minor and untouched: clearing resolves it.
    expect(await alertsOf(ruleId, [id])).toMatchObject([{ id: raised.id, status: "resolved", conditionClearedAt: expect.any(Date) }]);
    expect(await auditActions([raised.id])).toEqual(["alert.raised", "alert.auto_resolved"]);
  });
});
