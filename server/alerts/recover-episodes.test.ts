import { describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import { DEFAULT_RULES } from "@/server/rule-engine/default-rules";
import { createRuleEngine } from "@/server/rule-engine/rule-engine";
import type { TStoredEpisode } from "@/server/rule-engine/stored-episode";
import { waste } from "@/test/fixtures/test-events";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createEpisodeRecovery } from "./recover-episodes";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The hold-back around a read of open alerts (the read itself is tested on both databases in alert-restart.test.ts). */
describe("episode recovery", () => {
  const setup = (maxBufferedEvents?: number) => {
    const evaluated: TCityEvent[] = [];
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
      push: () => {},
      maxBufferedEvents,
    });
    return { recovery, evaluated, reads, finishRead: (rows: TStoredEpisode[] = []) => finishRead(rows) };
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
});
