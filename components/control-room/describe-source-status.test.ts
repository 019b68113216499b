import { describe, expect, it } from "vitest";
import type { TSourceStatus } from "@/lib/contracts/realtime";
import { describeSourceStatus } from "./describe-source-status";
import { formatClock } from "@/components/format/date-time";

const base: TSourceStatus = {
  state: "connected",
  since: "2026-12-02T08:00:00.000Z",
  restarts: 0,
  offsetResets: 0,
  lastOffsetReset: null,
  lastError: null,
  partitions: [
    { topic: "city.traffic", partition: 0, lag: 0, oldestWaitingMs: null },
    { topic: "city.traffic", partition: 1, lag: null, oldestWaitingMs: null },
  ],
};

describe("describeSourceStatus", () => {
  it("says all is well in words when connected and nothing waits", () => {
    expect(describeSourceStatus(base)).toEqual({
      headline: "Kafka connected",
      detail: "nothing waiting",
      isTrouble: false,
      partitions: ["city.traffic/0: lag 0, nothing waiting", "city.traffic/1: lag unknown, nothing waiting"],
    });
  });

  it("says since when the broker is unreachable, the worst staleness, restarts and offset resets", () => {
    const text = describeSourceStatus({
      ...base,
      state: "unreachable",
      restarts: 1,
      offsetResets: 2,
      partitions: [
        { topic: "city.traffic", partition: 0, lag: 3, oldestWaitingMs: 12_000 },
        { topic: "city.traffic", partition: 1, lag: 40, oldestWaitingMs: 95_000 },
      ],
    });
    expect(text.headline).toBe(`Kafka unreachable since ${formatClock(Date.parse(base.since))}`);
    expect(text.detail).toBe("oldest unread 1 min ago · 1 restart · 2 offset resets");
    expect(text.isTrouble).toBe(true);
    expect(text.partitions).toEqual(["city.traffic/0: lag 3, oldest unread 12 s ago", "city.traffic/1: lag 40, oldest unread 1 min ago"]);
  });

  it("names a consumer that is restarting or keeps failing", () => {
    expect(describeSourceStatus({ ...base, state: "restarting" }).headline).toBe("Consumer restarting");
    expect(describeSourceStatus({ ...base, state: "failed", restarts: 5 })).toMatchObject({
      headline: "Consumer failing, retrying",
      detail: "nothing waiting · 5 restarts",
      isTrouble: true,
    });
  });
});
