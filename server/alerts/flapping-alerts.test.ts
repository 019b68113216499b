import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAlertSignal } from "@/lib/contracts/rules";
import type { TDatabase } from "@/server/db/client";
import { createRuleEngine, type TRuleEngine } from "@/server/rule-engine/rule-engine";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { rule, waste } from "@/test/fixtures/test-events";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { persistSignals } from "./persist-signals";
import { loadOngoingEpisodes } from "./recover-episodes";

const FULL = rule({
  id: "waste.full",
  domain: "waste",
  kind: "threshold",
  params: { metric: "fillingLevel", openAbove: 0.9, clearBelow: 0.5 },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
  severity: "major",
  flapMaxChanges: 4,
  flapWindowMinutes: 10,
});

/** A flapping bin through the real store: one row counts the changes, survives a restart, and its start and end are audited. */
describe.each(TEST_BACKENDS)("flapping alerts in the database ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
  });
  afterAll(() => cleanup());

  const write = (signals: TAlertSignal[]) =>
    persistSignals(
      { prisma: db.prisma, ruleName: () => "Bin full", locate: () => ({ lon: -85.63, lat: 41.94, zone: "Downtown" }) },
      signals,
    );
  const flip = (engine: TRuleEngine, s: number, on: boolean) =>
    write(engine.evaluate(waste("bin-2", s, { fillingLevel: on ? 0.95 : 0.3 })));

  it("keeps one flapping row across a restart and ends it once stable", async () => {
    let engine = createRuleEngine({ rules: [FULL], entities: TINY_CITY });
    for (let i = 0; i < 7; i++) await flip(engine, i * 20, i % 2 === 0);
    // Changes 1–7: alerts at 0 s and 40 s cleared; the third (80 s) crossed 4 changes and flaps; 100 s cleared it, 120 s re-opened it.
    let flapping = await db.prisma.alert.findMany({ where: { flapping: true } });
    expect(flapping).toHaveLength(1);
    expect(flapping[0].flap).toMatchObject({ flapping: true, total: 7, conditionActive: true });

    engine = createRuleEngine({ rules: [FULL], entities: TINY_CITY });
    await write(engine.restoreEpisodes(await loadOngoingEpisodes(db.prisma), Date.now()));
    await flip(engine, 140, false);
    await flip(engine, 160, true);
    flapping = await db.prisma.alert.findMany({ where: { flapping: true } });
    expect(flapping.map((r) => [r.id, (r.flap as { total: number }).total])).toEqual([[flapping[0].id, 9]]);
    expect(await db.prisma.alert.count()).toBe(3);

    await flip(engine, 170, false);
    await write(engine.tick(Date.parse(waste("bin-2", 170 + 600, {}).observedAt)));
    const ended = await db.prisma.alert.findUniqueOrThrow({ where: { id: flapping[0].id } });
    expect(ended).toMatchObject({ flapping: false, flap: expect.objectContaining({ flapping: false, total: 10 }) });
    expect(ended.conditionClearedAt).not.toBeNull();
    const audit = await db.prisma.auditLog.findMany({ where: { entityId: ended.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["alert.raised", "alert.flapping", "alert.flapping_ended", "alert.condition_cleared"]);
  });
});
