import type { Admin } from "kafkajs";
import { describe, expect, it } from "vitest";
import { createLagTracker } from "./kafka-lag";

// Bookkeeping from batch progress alone (refresh against real brokers: kafka-source.test.ts, kafka-faults.test.ts).
const T0 = 1_800_000_000_000;

function tracker() {
  const clock = { now: T0 };
  // Nothing here reads from the brokers: an admin that would throw if touched.
  const noAdmin = new Proxy(
    {},
    {
      get: () => {
        throw new Error("no broker in this test");
      },
    },
  ) as Admin;
  const lag = createLagTracker({ admin: noAdmin, groupId: "g", topics: ["city.traffic"], fromBeginning: false, now: () => clock.now });
  lag.assign({ "city.traffic": [0, 1] });
  return { clock, lag };
}

describe("lag tracker", () => {
  it("knows nothing of an assigned partition before any look at it", () => {
    const { lag } = tracker();
    expect(lag.partitions()).toEqual([
      { topic: "city.traffic", partition: 0, lag: null, oldestWaitingMs: null },
      { topic: "city.traffic", partition: 1, lag: null, oldestWaitingMs: null },
    ]);
    expect(lag.total()).toBe(0);
    expect(lag.caughtUp(1000)).toEqual({ ok: false, detail: "lag not read yet" });
  });

  it("ages the oldest waiting message from its Kafka timestamp while a batch holds it, and keeps ageing while stuck", () => {
    const { clock, lag } = tracker();
    // Produced 4 s ago, fetched now, the sink not done with it.
    lag.progress("city.traffic", 0, { nextOffset: "10", highWatermark: "15", nextTimestamp: String(T0 - 4000) });
    expect(lag.partitions()[0]).toEqual({ topic: "city.traffic", partition: 0, lag: 5, oldestWaitingMs: 4000 });
    clock.now += 6000;
    expect(lag.partitions()[0].oldestWaitingMs).toBe(10_000);
    expect(lag.total()).toBe(5);

    // Through: nothing waits.
    lag.progress("city.traffic", 0, { nextOffset: "15", highWatermark: "15", nextTimestamp: null });
    expect(lag.partitions()[0]).toMatchObject({ lag: 0, oldestWaitingMs: null });
  });

  it("without the message at hand, counts from when a high watermark above it was first seen (a lower bound)", () => {
    const { clock, lag } = tracker();
    lag.progress("city.traffic", 1, { nextOffset: "0", highWatermark: "0", nextTimestamp: null });
    clock.now += 1000;
    lag.progress("city.traffic", 1, { nextOffset: "0", highWatermark: "3", nextTimestamp: null }); // 0..2 arrived
    clock.now += 1000;
    lag.progress("city.traffic", 1, { nextOffset: "0", highWatermark: "8", nextTimestamp: null }); // 3..7 arrived
    clock.now += 1000;
    expect(lag.partitions()[1]).toMatchObject({ lag: 8, oldestWaitingMs: 2000 });
    // 0..2 done: the oldest waiting is offset 3, first seen a second later than offset 0.
    lag.progress("city.traffic", 1, { nextOffset: "3", highWatermark: "8", nextTimestamp: null });
    expect(lag.partitions()[1]).toMatchObject({ lag: 5, oldestWaitingMs: 1000 });
  });

  it("drops the partitions a new assignment takes away", () => {
    const { lag } = tracker();
    lag.progress("city.traffic", 1, { nextOffset: "0", highWatermark: "3", nextTimestamp: null });
    lag.assign({ "city.traffic": [0] });
    expect(lag.partitions().map((p) => p.partition)).toEqual([0]);
    expect(lag.total()).toBe(0);
  });
});
