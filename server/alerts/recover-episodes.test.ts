import { describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TAlertSignal } from "@/lib/contracts/rules";
import { DEFAULT_RULES } from "@/server/rule-engine/default-rules";
import { createRuleEngine } from "@/server/rule-engine/rule-engine";
import type { TStoredEpisode } from "@/server/rule-engine/stored-episode";
import { isoAt, waste } from "@/test/fixtures/test-events";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createEpisodeRecovery } from "./recover-episodes";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The hold-back around a read of open alerts (the read itself is tested on both databases in alert-restart.test.ts). */
describe("episode recovery", () => {
  const setup = (maxBufferedEvents?: number) => {
    const evaluated: TCityEvent[] = [];
    const pushed: TAlertSignal[][] = [];
    let finishRead: (rows: TStoredEpisode[]) => void = () => {};
    /** How many events had been evaluated when each read started. */
    const reads: number[] = [];
    const recovery = createEpisodeRecovery({
      engine: createRuleEngine({ rules: DEFAULT_RULES, entities: TINY_CITY }),
      load: () => {
        reads.push(evaluated.length);
        return new Promise((resolve) => (finishRead = resolve));
      },
      evaluate: (event) => evaluated.push(event),
      push: (signals) => void pushed.push(signals),
      maxBufferedEvents,
    });
    return { recovery, evaluated, pushed, reads, finishRead: (rows: TStoredEpisode[] = []) => finishRead(rows) };
  };

  it("holds events from the moment recovery is asked for and evaluates them after it, in arrival order", async () => {
    const { recovery, evaluated, finishRead } = setup();
    const events = [waste("bin-1", 0, {}), waste("bin-2", 1, {}), waste("bin-1", 2, {})];
    const done = recovery.recover();
    for (const event of events) recovery.onEvent(event);
    expect(recovery.isRecovering()).toBe(true);
    await nextTurn();
    expect(evaluated).toEqual([]);
    finishRead();
    await done;
    expect(evaluated).toEqual(events);
    expect(recovery.isRecovering()).toBe(false);
    recovery.onEvent(events[0]);
    expect(evaluated).toHaveLength(4);
  });

  it("runs one read at a time and holds events until the last one is done", async () => {
    const { recovery, evaluated, reads, finishRead } = setup();
    const first = recovery.recover();
    const second = recovery.recover();
    recovery.onEvent(waste("bin-1", 0, {}));
    await nextTurn();
    expect(reads).toHaveLength(1);
    finishRead();
    await first;
    await nextTurn();
    expect(reads).toEqual([0, 0]); // the second read started with the event still held

    finishRead();
    await second;
    expect(evaluated).toHaveLength(1);
  });

  it("stops holding back at the bound rather than growing without limit", async () => {
    const { recovery, evaluated, finishRead } = setup(3);
    const done = recovery.recover();
    for (let s = 0; s < 5; s++) recovery.onEvent(waste("bin-1", s, {}));
    expect(evaluated.map((e) => e.observedAt)).toEqual([0, 1, 2, 3, 4].map((s) => waste("bin-1", s, {}).observedAt));
    expect(recovery.isRecovering()).toBe(false);
    await nextTurn();
    finishRead();
    await done;
    expect(evaluated).toHaveLength(5);
  });

  it("gives the event loop back while it restores thousands of alerts and releases thousands of events, keeping their order", async () => {
    const { recovery, evaluated, pushed, finishRead } = setup();
    const events = Array.from({ length: 2_500 }, (_, s) => waste(s % 2 ? "bin-1" : "bin-2", s, {}));
    // Rows of a rule that no longer exists: each one is cleared, so every restored row shows as a signal.
    const rows: TStoredEpisode[] = Array.from({ length: 2_500 }, (_, i) => ({
      ruleId: "waste.retired-rule",
      entityId: `bin-${i}`,
      domain: "waste",
      severity: "minor",
      dedupKey: `retired-${i}`,
      startedAt: isoAt(0),
      lastSeenAt: isoAt(i),
      count: 1,
      value: 1,
      worstValue: 1,
    }));
    const done = recovery.recover();
    for (const event of events) recovery.onEvent(event);
    let finished = false;
    void done.then(() => (finished = true));
    await nextTurn(); // the read has started
    finishRead(rows);
    /** At each turn of the event loop until the recovery is done: [signals pushed, events evaluated]. */
    const turns: [number, number][] = [];
    while (!finished) {
      turns.push([pushed.flat().length, evaluated.length]);
      await nextTurn();
    }
    await done;
    expect(pushed.flat().map((s) => s.dedupKey)).toEqual(rows.map((r) => r.dedupKey).reverse()); // newest first
    expect(evaluated).toEqual(events);
    expect(turns.some(([signals]) => signals > 0 && signals < rows.length)).toBe(true);
    expect(turns.some(([signals, released]) => signals === rows.length && released > 0 && released < events.length)).toBe(true);
  });
});
