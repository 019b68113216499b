import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { alertRecord } from "@/test/fixtures/alert-record";
import { createAlertBatch } from "./alert-batch";
import { ALERT_BATCH_GAP_MS, ALERT_BATCH_MS } from "./queue-mode";

describe("createAlertBatch", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setUp = () => {
    const applied: string[][] = [];
    const batch = createAlertBatch((alerts) => applied.push(alerts.map((a) => a.id)), false, Date.now);
    return { applied, add: (id: string) => batch.add(alertRecord({ id })) };
  };

  it("applies a lone alert within ALERT_BATCH_MS, with those that came meanwhile", () => {
    const { applied, add } = setUp();
    add("a");
    vi.advanceTimersByTime(ALERT_BATCH_MS - 1);
    add("b");
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual([["a", "b"]]);
  });

  it("under a storm applies batches ALERT_BATCH_GAP_MS apart, losing none", () => {
    const { applied, add } = setUp();
    // 2 s of an alert every 10 ms.
    for (let i = 0; i < 200; i++) {
      add(String(i));
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(ALERT_BATCH_GAP_MS);
    expect(applied.length).toBeLessThanOrEqual(2_000 / ALERT_BATCH_GAP_MS + 1);
    expect(applied.flat()).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
    // Quiet again: the next lone alert waits only ALERT_BATCH_MS.
    vi.advanceTimersByTime(5_000);
    add("late");
    vi.advanceTimersByTime(ALERT_BATCH_MS);
    expect(applied.at(-1)).toEqual(["late"]);
  });
});
