import { describe, expect, it } from "vitest";
import type { TAlertSignal, TRuleDefinition } from "@/lib/contracts/rules";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { RETIRED_RULE_GONE } from "./episode";
import { createRuleEngine, RETIRED_DUPLICATE, type TRuleEngine } from "./rule-engine";
import type { TStoredEpisode } from "./stored-episode";
import { every, feed, isoAt, kinds, msAt, parking, rule, traffic, waste } from "@/test/fixtures/test-events";

const SLOW = rule({
  id: "traffic.slow",
  domain: "traffic",
  kind: "threshold",
  params: { metric: "speedShare", openBelow: 0.4, clearAbove: 0.55 },
  sustainSeconds: 120,
  clearSustainSeconds: 120,
});
const BURNING = rule({
  id: "waste.burning",
  domain: "waste",
  kind: "status",
  params: { statuses: ["burning"] },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
  severity: "critical",
});
const FULL = rule({
  id: "waste.full",
  domain: "waste",
  kind: "threshold",
  params: { metric: "fillingLevel", openAbove: 0.9, clearBelow: 0.5 },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
});
const SILENT = rule({
  id: "parking.silent",
  domain: "parking",
  kind: "stale",
  params: { staleSeconds: 900 },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
});

const engineWith = (...rules: TRuleDefinition[]) => createRuleEngine({ rules, entities: TINY_CITY });

/**
 * What persistSignals leaves in PostgreSQL, in miniature: opens insert once per key, updates never go
 * back in time, clears mark the row. Its uncleared rows are what a restarted runtime reads back.
 */
function createStore() {
  const rows = new Map<string, TStoredEpisode & { cleared: number }>();
  return {
    write(signals: readonly TAlertSignal[]) {
      for (const s of signals) {
        const row = rows.get(s.dedupKey);
        if (s.kind === "open" && !row) {
          const { ruleId, entityId, domain, severity, dedupKey, startedAt, lastSeenAt, count, value, worstValue, relatedEntityIds } = s;
          rows.set(s.dedupKey, {
            ruleId,
            entityId,
            domain,
            severity,
            dedupKey,
            startedAt,
            lastSeenAt,
            count,
            value,
            worstValue,
            relatedEntityIds,
            cleared: 0,
          });
        } else if (s.kind === "update" && row && row.lastSeenAt <= s.lastSeenAt) {
          Object.assign(row, { count: s.count, lastSeenAt: s.lastSeenAt, value: s.value, worstValue: s.worstValue });
        } else if (s.kind === "clear" && row) {
          row.cleared++;
        }
      }
      return signals;
    },
    ongoing: (): TStoredEpisode[] => [...rows.values()].filter((r) => r.cleared === 0).map(({ cleared: _, ...r }) => r),
    rows: () => [...rows.values()],
  };
}

/** Stops one engine and starts another on the same store, as a restart or a deploy does. */
function restart(store: ReturnType<typeof createStore>, rules: TRuleDefinition[], atSeconds: number): TRuleEngine {
  const engine = engineWith(...rules);
  store.write(engine.restoreEpisodes(store.ongoing(), msAt(atSeconds)));
  return engine;
}

describe("rule engine: restoring open alerts after a restart", () => {
  it("continues a burning bin's alert: same key, growing count, one clear", () => {
    const store = createStore();
    const before = store.write(
      feed(engineWith(BURNING), [waste("bin-1", 0, { status: "burning" }), waste("bin-1", 30, { status: "burning" })]),
    );
    expect(kinds(before)).toEqual(["open"]);

    const engine = restart(store, [BURNING], 60);
    const burning = store.write(feed(engine, [waste("bin-1", 90, { status: "burning" })]));
    expect(burning).toMatchObject([{ kind: "update", dedupKey: before[0].dedupKey, count: 2, lastSeenAt: isoAt(90), startedAt: isoAt(0) }]);

    const out = store.write(feed(engine, [waste("bin-1", 120, { status: "ok" }), waste("bin-1", 150, { status: "ok" })]));
    expect(out).toMatchObject([
      { kind: "clear", dedupKey: before[0].dedupKey, at: isoAt(120), message: "Cleared after 2 min: Bin status ok" },
    ]);
    expect(store.rows()).toMatchObject([{ dedupKey: before[0].dedupKey, cleared: 1 }]);
  });

  it("keeps one alert and one clear for a restart at any moment of a jam, pending, open or clearing", () => {
    const jamThenRecovery = [
      ...every(0, 300, 10).map((s) => traffic("seg-ab", s, 12)),
      ...every(310, 600, 10).map((s) => traffic("seg-ab", s, 45)),
    ];
    for (let split = 1; split < jamThenRecovery.length; split++) {
      const store = createStore();
      store.write(feed(engineWith(SLOW), jamThenRecovery.slice(0, split)));
      const engine = restart(store, [SLOW], Date.parse(jamThenRecovery[split - 1].observedAt) / 1000 - msAt(0) / 1000);
      store.write(feed(engine, jamThenRecovery.slice(split)));
      expect(store.rows(), `restart after event ${split}`).toMatchObject([{ cleared: 1 }]);
    }
  });

  it("ignores events the earlier process had already evaluated, so a redelivered one cannot clear the alert", () => {
    const store = createStore();
    store.write(feed(engineWith(FULL), [waste("bin-2", 0, { fillingLevel: 0.3 }), waste("bin-2", 10, { fillingLevel: 0.95 })]));
    const engine = restart(store, [FULL], 20);
    expect(feed(engine, [waste("bin-2", 0, { fillingLevel: 0.3 })])).toEqual([]);
    expect(engine.activeEpisodes()).toMatchObject([{ entityId: "bin-2", phase: "open", count: 1 }]);
  });

  it("keeps the stored worst value until a reading is really worse", () => {
    const store = createStore();
    store.write(feed(engineWith(FULL), [waste("bin-2", 0, { fillingLevel: 0.99 })]));
    const engine = restart(store, [FULL], 5);
    expect(feed(engine, [waste("bin-2", 10, { fillingLevel: 0.95 })])).toMatchObject([{ kind: "update", value: 0.95, worstValue: 0.99 }]);
    expect(feed(engine, [waste("bin-2", 20, { fillingLevel: 1 })])).toMatchObject([{ kind: "update", value: 1, worstValue: 1 }]);
  });

  it("clears, once, the alerts of a rule that was disabled or removed while the process was down", () => {
    const store = createStore();
    const [open] = store.write(feed(engineWith(BURNING), [waste("bin-1", 0, { status: "burning" })]));
    const engine = engineWith({ ...BURNING, enabled: false });
    expect(engine.restoreEpisodes(store.ongoing(), msAt(100))).toMatchObject([
      {
        kind: "clear",
        dedupKey: open.dedupKey,
        ruleId: "waste.burning",
        severity: "critical",
        at: isoAt(100),
        message: `Cleared after 2 min: ${RETIRED_RULE_GONE}`,
      },
    ]);
    expect(engineWith(FULL).restoreEpisodes(store.ongoing(), msAt(100))).toMatchObject([{ kind: "clear", dedupKey: open.dedupKey }]);
    expect(engine.activeEpisodes()).toEqual([]);
  });

  it("clears a restored alert at the restore time when its rule is disabled before any event", () => {
    const store = createStore();
    store.write(feed(engineWith(BURNING), [waste("bin-1", 0, { status: "burning" })]));
    const engine = restart(store, [BURNING], 100);
    expect(engine.setRules([{ ...BURNING, enabled: false }])).toMatchObject([{ kind: "clear", at: isoAt(100) }]);
  });

  it("carries on the newest of two open alerts of one condition and clears the older", () => {
    const older: TStoredEpisode = {
      ruleId: "waste.burning",
      entityId: "bin-1",
      domain: "waste",
      severity: "critical",
      dedupKey: "k-older",
      startedAt: isoAt(0),
      lastSeenAt: isoAt(50),
      count: 3,
      value: "burning",
      worstValue: "burning",
    };
    const newer: TStoredEpisode = { ...older, dedupKey: "k-newer", startedAt: isoAt(60), lastSeenAt: isoAt(90), count: 2 };
    const engine = engineWith(BURNING);
    expect(engine.restoreEpisodes([older, newer], msAt(100))).toMatchObject([
      { kind: "clear", dedupKey: "k-older", message: `Cleared after 2 min: ${RETIRED_DUPLICATE}` },
    ]);
    expect(engine.restoreEpisodes([older, newer], msAt(100))).toEqual([]); // a second read changes nothing
    expect(feed(engine, [waste("bin-1", 110, { status: "burning" })])).toMatchObject([{ kind: "update", dedupKey: "k-newer", count: 3 }]);
  });

  it("leaves entities it has already evaluated to its own memory", () => {
    const stored: TStoredEpisode = {
      ruleId: "waste.burning",
      entityId: "bin-1",
      domain: "waste",
      severity: "critical",
      dedupKey: "elsewhere",
      startedAt: isoAt(0),
      lastSeenAt: isoAt(50),
      count: 1,
      value: "burning",
      worstValue: "burning",
    };
    const engine = engineWith(BURNING);
    feed(engine, [waste("bin-1", 60, { status: "ok" })]);
    expect(engine.restoreEpisodes([stored], msAt(100))).toEqual([]);
    expect(engine.activeEpisodes()).toEqual([]);
  });
});

describe("rule engine: a restored silent-sensor alert", () => {
  const silentSince = (store: ReturnType<typeof createStore>) => {
    const engine = engineWith(SILENT);
    feed(engine, [parking("parking-1", 0, 40)]);
    return store.write(engine.tick(msAt(1000)));
  };

  it("stays open, without a second alert, while the sensor stays silent; clears once when it reports", () => {
    const store = createStore();
    const [open] = silentSince(store);
    expect(open).toMatchObject({ kind: "open", dedupKey: `parking.silent:parking-1:${isoAt(0)}` });
    const engine = restart(store, [SILENT], 1100);
    expect(every(1100, 5000, 100).flatMap((s) => engine.tick(msAt(s)))).toEqual([]);
    expect(engine.evaluate(parking("parking-1", 5050, 40))).toMatchObject([
      { kind: "clear", dedupKey: open.dedupKey, message: "Cleared after 1 h 9 min: Reporting again" },
    ]);
    expect([...engine.evaluate(parking("parking-1", 5060, 40)), ...engine.tick(msAt(5100))]).toEqual([]);
  });

  it("is not cleared by a redelivered report from before the silence", () => {
    const store = createStore();
    silentSince(store);
    const engine = restart(store, [SILENT], 1100);
    expect(engine.evaluate(parking("parking-1", 0, 40))).toEqual([]);
    expect(engine.activeEpisodes()).toMatchObject([{ entityId: "parking-1", phase: "open" }]);
  });
});
