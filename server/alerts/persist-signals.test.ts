import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAlertSignal } from "@/lib/contracts/rules";
import type { TDatabase } from "@/server/db/client";
import { switchOpsOutboxOn } from "@/server/outbox/ops-outbox-switch";
import { openSignal } from "@/test/fixtures/open-signal";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { persistSignals } from "./persist-signals";

const HOUR_MS = 60 * 60_000;

/** Opens written a chunk at a time (one transaction all the same): nothing lost, nothing doubled, every row's audit and event in order. */
describe.each(TEST_BACKENDS)("persisting opened alerts in chunks ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
  });
  afterAll(() => cleanup());

  const open = (entityId: string, over: Partial<TAlertSignal> = {}) =>
    openSignal({ entityId, message: `${entityId} reports burning`, dedupKey: `chunks:${entityId}`, ...over });
  const write = (signals: TAlertSignal[]) =>
    persistSignals(
      { prisma: db.prisma, ruleName: () => "Bin on fire", locate: () => ({ lon: -85.63, lat: 41.94, zone: "Downtown" }), chunkSize: 3 },
      signals,
    );

  it("stores each new alert once with its audit rows and outbox events, in the order they were raised", async () => {
    const now = Date.now();
    await db.prisma.silence.create({
      data: {
        entityId: "bin-silenced",
        window: { kind: "once", startsAt: new Date(now - HOUR_MS).toISOString(), endsAt: new Date(now + HOUR_MS).toISOString() },
        startsAt: new Date(now - HOUR_MS),
        endsAt: new Date(now + HOUR_MS),
        reason: "Sensor swap",
        createdById: "test",
        createdByName: "Test",
      },
    });
    await write([open("bin-already")]);
    const flap = { flapping: true, changesAt: [new Date().toISOString()], total: 5, conditionActive: true, windowMinutes: 10 };
    const signals = [
      open("bin-1"),
      open("bin-already"), // redelivered: stored before, not again
      open("bin-silenced"),
      open("bin-2"),
      open("bin-flapping", { flap }),
      open("bin-3"),
      open("bin-4"),
    ];
    const switchOff = switchOpsOutboxOn();
    let written: Awaited<ReturnType<typeof write>>;
    try {
      written = await write(signals);
    } finally {
      switchOff();
    }
    const raised = ["bin-1", "bin-silenced", "bin-2", "bin-flapping", "bin-3", "bin-4"];
    expect(written.map((a) => a.entityId).sort()).toEqual([...raised].sort());
    expect(await db.prisma.alert.count({ where: { dedupKey: { startsWith: "chunks:" } } })).toBe(raised.length + 1);

    const ids = new Map(written.map((a) => [a.id, a.entityId]));
    const audit = await db.prisma.auditLog.findMany({ where: { entityId: { in: [...ids.keys()] } }, orderBy: { id: "asc" } });
    const expected = [
      "bin-1 alert.raised",
      "bin-silenced alert.raised",
      "bin-silenced alert.silenced",
      "bin-2 alert.raised",
      "bin-flapping alert.raised",
      "bin-flapping alert.flapping",
      "bin-3 alert.raised",
      "bin-4 alert.raised",
    ];
    expect(audit.map((row) => `${ids.get(row.entityId ?? "")} ${row.action}`)).toEqual(expected);
    const events = await db.prisma.opsOutbox.findMany({ orderBy: { id: "asc" } });
    expect(events.map((row) => `${ids.get(row.entityId)} ${row.type}`)).toEqual(expected);
  });

  it("audits a cleared condition: a warning resolves itself, a critical alert waits for a person, marked cleared", async () => {
    const [warning, critical] = await write([
      open("bin-warning", { severity: "warning", dedupKey: "cleared:warning" }),
      open("bin-critical", { dedupKey: "cleared:critical" }),
    ]).then((alerts) => ["bin-warning", "bin-critical"].map((id) => alerts.find((a) => a.entityId === id)!));
    const clearedAt = new Date().toISOString();
    const clear = (signal: TAlertSignal) => ({ ...signal, kind: "clear" as const, at: clearedAt, message: "Bin reports ok" });
    await write([
      clear(open("bin-warning", { dedupKey: "cleared:warning" })),
      clear(open("bin-critical", { dedupKey: "cleared:critical" })),
    ]);

    const lastAudit = (entityId: string) => db.prisma.auditLog.findFirstOrThrow({ where: { entityId }, orderBy: { id: "desc" } });
    expect(await lastAudit(warning.id)).toMatchObject({
      action: "alert.auto_resolved",
      actorId: null,
      before: { status: "open", conditionClearedAt: null },
      after: { status: "resolved", conditionClearedAt: clearedAt, message: "Bin reports ok" },
    });
    expect(await lastAudit(critical.id)).toMatchObject({
      action: "alert.condition_cleared",
      actorId: null,
      before: { status: "open", conditionClearedAt: null },
      after: { status: "open", conditionClearedAt: clearedAt, message: "Bin reports ok" },
    });
  });
});
