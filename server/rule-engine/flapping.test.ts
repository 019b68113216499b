import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TAlertSignal, TRuleDefinition } from "@/lib/contracts/rules";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { feed, isoAt, msAt, rule, waste } from "@/test/fixtures/test-events";
import { createRuleEngine, type TRuleEngine } from "./rule-engine";
import type { TStoredEpisode } from "./stored-episode";

const N = 4;
const WINDOW_MINUTES = 10;
const WINDOW_S = WINDOW_MINUTES * 60;
/** Zero sustains: each reading that crosses the line is a change at its own time, so the model below stays short. */
const FULL = rule({
  id: "waste.full",
  domain: "waste",
  kind: "threshold",
  params: { metric: "fillingLevel", openAbove: 0.9, clearBelow: 0.5 },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
  flapMaxChanges: N,
  flapWindowMinutes: WINDOW_MINUTES,
});
const LEVEL = { trigger: 0.95, hold: 0.7, clear: 0.3 } as const;
type TStep = { gapS: number; reading: keyof typeof LEVEL | "tick" | "restart" };

/** What persistSignals keeps, in miniature (flap state included): its uncleared rows are what a restart reads back. */
function createStore() {
  const rows = new Map<string, TStoredEpisode & { cleared: boolean }>();
  return {
    write(signals: readonly TAlertSignal[]) {
      for (const s of signals) {
        const row = rows.get(s.dedupKey);
        if (s.kind === "open") {
          expect(row, `second open of ${s.dedupKey}`).toBeUndefined();
          const { kind: _k, at: _a, message: _m, ...stored } = s;
          rows.set(s.dedupKey, { ...stored, cleared: false });
        } else if (row && s.kind === "update") {
          Object.assign(row, { count: s.count, lastSeenAt: s.lastSeenAt, value: s.value, worstValue: s.worstValue });
          if (s.flap) row.flap = s.flap;
        } else if (row && s.kind === "clear") row.cleared = true;
      }
      return signals;
    },
    ongoing: () => [...rows.values()].filter((r) => !r.cleared).map(({ cleared: _, ...r }) => r),
  };
}

/**
 * The definition, spelled out for zero sustains: every open and clear of the condition counts in a
 * sliding window; an alert whose change makes more than N in it flaps (stays open, counts), and ends
 * once no change came for a window: closed if the condition is absent then, a plain alert if present.
 */
function createModel() {
  let history: number[] = [];
  let alert: { active: boolean; flapping: boolean; total: number } | undefined;
  const change = (t: number) => {
    history = [...history.filter((h) => h > t - WINDOW_S), t];
    if (!alert) return;
    if (alert.flapping) alert.total++;
    else if (history.length > N) Object.assign(alert, { flapping: true, total: history.length });
  };
  return {
    timers(t: number) {
      if (alert?.flapping && t >= history[history.length - 1] + WINDOW_S) {
        alert.flapping = false;
        if (!alert.active) alert = undefined;
      }
    },
    read(t: number, reading: keyof typeof LEVEL) {
      this.timers(t);
      if (!alert) {
        if (reading !== "trigger") return;
        alert = { active: true, flapping: false, total: 0 };
        change(t);
      } else if (alert.active && reading === "clear") {
        change(t);
        if (alert.flapping) alert.active = false;
        else alert = undefined;
      } else if (!alert.active && reading === "trigger") {
        change(t);
        alert.active = true;
      }
    },
    /** A restart keeps what the alert's row keeps: a flapping alert's history, nothing of a quiet entity's. */
    restart() {
      if (!alert?.flapping) history = [];
    },
    state: () => (alert ? { ...alert, changes: alert.flapping ? history.length : undefined } : undefined),
  };
}

describe("flapping alerts", () => {
  it("one flapping alert per (rule, entity), its counter right, whatever the sequence, the clock and the restarts", () => {
    const step = fc.record({
      gapS: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 30 }), weight: 20 },
        { arbitrary: fc.integer({ min: 1, max: 2 * WINDOW_S }), weight: 1 },
      ),
      // Restarts are rarer: each forgets a quiet entity's history, as a real one does.
      reading: fc.oneof(
        {
          arbitrary: fc.constantFrom<TStep["reading"]>("trigger", "trigger", "trigger", "clear", "clear", "clear", "hold", "tick"),
          weight: 20,
        },
        { arbitrary: fc.constant<TStep["reading"]>("restart"), weight: 1 },
      ),
    });
    let sawFlapping = 0;
    let sawRestartWhileFlapping = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 120, size: "max" }), (steps) => {
        const store = createStore();
        const model = createModel();
        let engine: TRuleEngine = createRuleEngine({ rules: [FULL], entities: TINY_CITY });
        let t = 0;
        for (const { gapS, reading } of steps) {
          t += gapS;
          if (reading === "tick") {
            store.write(engine.tick(msAt(t)));
            model.timers(t);
          } else if (reading === "restart") {
            if (model.state()?.flapping) sawRestartWhileFlapping++;
            engine = createRuleEngine({ rules: [FULL], entities: TINY_CITY });
            store.write(engine.restoreEpisodes(store.ongoing(), msAt(t)));
            model.restart();
          } else {
            store.write(feed(engine, [waste("bin-2", t, { fillingLevel: LEVEL[reading] })]));
            model.read(t, reading);
          }
          const ongoing = store.ongoing();
          expect(ongoing.length).toBeLessThanOrEqual(1);
          const expected = model.state();
          if (expected?.flapping) sawFlapping++;
          const [episode] = engine.activeEpisodes().filter((e) => e.phase === "open");
          expect(episode ? ongoing.map((r) => r.dedupKey) : []).toEqual(episode ? [episode.dedupKey] : []);
          expect(
            episode && {
              active: episode.flap?.conditionActive ?? true,
              flapping: episode.flap?.flapping ?? false,
              total: episode.flap?.total ?? 0,
              changes: episode.flap?.flapping ? episode.flap.changesAt.length : undefined,
            },
          ).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
    // The generator does reach the cases that matter.
    expect(sawFlapping).toBeGreaterThan(0);
    expect(sawRestartWhileFlapping).toBeGreaterThan(0);
  });

  it("stays one alert while a bin flaps, counts each change, and clears once stable for the window", () => {
    const engine = createRuleEngine({ rules: [FULL], entities: TINY_CITY });
    const flip = (s: number, on: boolean) => feed(engine, [waste("bin-2", s, { fillingLevel: on ? LEVEL.trigger : LEVEL.clear })]);
    const signals = [0, 30, 60, 90, 120, 150, 180, 210].flatMap((s, i) => flip(s, i % 2 === 0));
    const opens = signals.filter((s) => s.kind === "open");
    expect(opens).toHaveLength(3);
    // The 5th change (3rd open, at 120 s) crosses N = 4: that alert flaps; later clears and opens only count.
    expect(signals.slice(-4).map((s) => [s.kind, s.dedupKey, s.flap?.total, s.flap?.conditionActive])).toEqual([
      ["open", opens[2].dedupKey, 5, true],
      ["update", opens[2].dedupKey, 6, false],
      ["update", opens[2].dedupKey, 7, true],
      ["update", opens[2].dedupKey, 8, false],
    ]);
    expect(engine.tick(msAt(210 + WINDOW_S - 1))).toEqual([]);
    expect(engine.tick(msAt(210 + WINDOW_S))).toMatchObject([
      { kind: "clear", dedupKey: opens[2].dedupKey, at: isoAt(210 + WINDOW_S), flap: { flapping: false, total: 8 } },
    ]);
    // The next open is a new, ordinary alert: the window holds only it.
    const [next] = flip(210 + WINDOW_S + 30, true);
    expect(next).toMatchObject({ kind: "open" });
    expect(next.flap).toBeUndefined();
  });

  it("uses the defaults when the rule sets nothing", () => {
    const plain: TRuleDefinition = { ...FULL, flapMaxChanges: undefined, flapWindowMinutes: undefined };
    const engine = createRuleEngine({ rules: [plain], entities: TINY_CITY });
    const signals = feed(
      engine,
      [0, 10, 20, 30, 40, 50].map((s, i) => waste("bin-2", s, { fillingLevel: i % 2 ? LEVEL.clear : LEVEL.trigger })),
    );
    // Default: more than 5 changes in 10 min; the 6th (a clear at 50 s) keeps the 3rd alert open, flapping.
    expect(signals.at(-1)).toMatchObject({ kind: "update", flap: { flapping: true, total: 6, windowMinutes: 10, conditionActive: false } });
  });
});
