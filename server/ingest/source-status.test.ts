import { describe, expect, it } from "vitest";
import { createSourceStatusTracker } from "./source-status";

const T0 = Date.parse("2026-12-02T08:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

function tracker(options: { failedAfterCrashes?: number; stableAfterMs?: number } = {}) {
  const clock = { now: T0 };
  const status = createSourceStatusTracker({ unreachableAfterMs: 1000, stableAfterMs: 10_000, ...options, now: () => clock.now });
  return { clock, status };
}

const caughtUp = () => ({ ok: true });

describe("source status", () => {
  it("connects, then says unreachable since the first unanswered failure, and connected again once a broker answers", () => {
    const { clock, status } = tracker();
    expect(status.read([]).state).toBe("connecting");
    expect(status.readiness(caughtUp)).toEqual({ ok: false, detail: "connecting to the broker" });
    status.assigned();
    expect(status.read([])).toMatchObject({ state: "connected", since: iso(T0) });
    expect(status.readiness(caughtUp)).toEqual({ ok: true });

    clock.now += 5000;
    status.brokerFailed("Connection error: connect ECONNREFUSED 127.0.0.1:9092");
    clock.now += 500; // a single dropped connection is routine: not unreachable yet
    expect(status.read([]).state).toBe("connected");
    clock.now += 2000;
    status.brokerFailed("Connection error: connect ECONNREFUSED 127.0.0.1:9092");
    expect(status.read([])).toMatchObject({
      state: "unreachable",
      since: iso(T0 + 5000),
      lastError: { message: "Connection error: connect ECONNREFUSED 127.0.0.1:9092", at: iso(T0 + 7500) },
    });
    expect(status.readiness(caughtUp)).toEqual({ ok: false, detail: `broker unreachable since ${iso(T0 + 5000)}` });

    clock.now += 1000;
    status.brokerAnswered();
    expect(status.read([])).toMatchObject({ state: "connected", since: iso(T0 + 8500) });
    // The problem stays readable after recovery.
    expect(status.read([]).lastError?.at).toBe(iso(T0 + 7500));
  });

  it("counts restarts, reports failed after crashes in a row, and is ready again only once the consumer proved stable", () => {
    const { clock, status } = tracker({ failedAfterCrashes: 3 });
    status.assigned();
    status.processed();
    for (let crash = 1; crash <= 3; crash++) {
      clock.now += 1000;
      status.crashed(new TypeError("boom"));
      expect(status.read([]).state).toBe(crash < 3 ? "restarting" : "failed");
      status.restarting();
      if (crash < 3) status.assigned(); // joined, then crashed again before doing anything
    }
    expect(status.read([])).toMatchObject({
      state: "failed",
      since: iso(T0 + 1000),
      restarts: 3,
      lastError: { message: "consumer crashed: boom" },
    });
    expect(status.readiness(caughtUp)).toEqual({ ok: false, detail: "consumer failing (3 crashes in a row), still retrying" });

    status.assigned();
    expect(status.read([]).state).toBe("connected");
    expect(status.readiness(caughtUp)).toEqual({ ok: false, detail: "consumer restarted, not yet stable" });
    status.processed();
    expect(status.readiness(caughtUp)).toEqual({ ok: true });
    expect(status.wasStable()).toBe(true);

    // A crash after a stable run starts a new count: restarting, not failed.
    status.crashed(new Error("again"));
    expect(status.read([]).state).toBe("restarting");
  });

  it("a consumer that stays up long enough without processing anything counts as stable", () => {
    const { clock, status } = tracker();
    status.assigned();
    status.crashed(new Error("first"));
    status.restarting();
    status.assigned();
    expect(status.wasStable()).toBe(false);
    clock.now += 10_000;
    expect(status.wasStable()).toBe(true);
    expect(status.readiness(caughtUp)).toEqual({ ok: true });
  });

  it("counts offset resets with where and when, and defers to the lag's verdict when connected", () => {
    const { status } = tracker();
    status.assigned();
    status.offsetReset("city.traffic", 2);
    status.offsetReset("city.traffic", 3);
    expect(status.read([])).toMatchObject({ offsetResets: 2, lastOffsetReset: { topic: "city.traffic", partition: 3, at: iso(T0) } });
    expect(status.readiness(() => ({ ok: false, detail: "catching up: oldest message waiting 42 s" }))).toEqual({
      ok: false,
      detail: "catching up: oldest message waiting 42 s",
    });
  });
});
