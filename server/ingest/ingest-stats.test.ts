import { describe, expect, it } from "vitest";
import { INSTANCE_ID } from "@/server/cluster/instance-id";
import { IngestStats } from "./ingest-stats";

describe("IngestStats", () => {
  it("reports events per second over the last complete seconds", () => {
    let now = 1_000_000;
    const stats = new IngestStats(() => now);
    for (let second = 0; second < 5; second++) {
      stats.recordAccepted(200, "2026-11-24T08:00:00Z");
      now += 1000;
    }
    expect(stats.eventsPerSecond()).toBe(200);
    now += 10_000; // silence: the window empties
    expect(stats.eventsPerSecond()).toBe(0);
  });

  it("counts totals and dead letters", () => {
    const stats = new IngestStats(() => 0);
    stats.recordAccepted(3, "2026-11-24T08:00:00Z");
    stats.recordDeadLettered(2);
    expect(stats.read("kafka", 17)).toEqual({
      instanceId: INSTANCE_ID,
      source: "kafka",
      eventsPerSecond: 0,
      totalEvents: 3,
      deadLettered: 2,
      consumerLag: 17,
      lastEventAt: "2026-11-24T08:00:00Z",
      sourceStatus: null,
    });
  });

  it("counts outcomes per topic", () => {
    const stats = new IngestStats(() => 0);
    stats.recordOutcome("city.traffic", "accepted");
    stats.recordOutcome("city.traffic", "accepted");
    stats.recordOutcome("city.traffic", "dead_lettered");
    stats.recordOutcome("city.waste", "dead_lettered");
    expect(Object.fromEntries(stats.outcomesByTopic())).toEqual({
      "city.traffic": { accepted: 2, dead_lettered: 1 },
      "city.waste": { accepted: 0, dead_lettered: 1 },
    });
  });

  it("passes the source's status through", () => {
    const status = {
      state: "unreachable" as const,
      since: "2026-11-24T08:00:00.000Z",
      restarts: 2,
      offsetResets: 0,
      lastOffsetReset: null,
      lastError: { message: "Connection error: connect ECONNREFUSED", at: "2026-11-24T08:00:00.000Z" },
      partitions: [{ topic: "city.traffic", partition: 0, lag: 12, oldestWaitingMs: 4000 }],
    };
    expect(new IngestStats(() => 0).read("kafka", 12, status).sourceStatus).toEqual(status);
  });
});
