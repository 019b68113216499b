import { describe, expect, it, vi } from "vitest";
import { createLeaderLoop } from "./leader-loop";

const HOUR_MS = 3_600_000;

describe("createLeaderLoop", () => {
  it("goes straight on when a round asks for no pause, then waits; stopping cuts the wait short and runs afterStop once", async () => {
    const events: string[] = [];
    let rounds = 0;
    const { leaderWork } = createLeaderLoop({
      name: "test loop",
      everyMs: HOUR_MS,
      round: async () => {
        rounds++;
        return rounds < 5 ? 0 : undefined;
      },
      failureMessage: "failed",
      afterStop: async () => {
        events.push(`afterStop after ${rounds} rounds`);
      },
      log: (message) => events.push(message),
    });
    leaderWork.start();
    await vi.waitFor(() => expect(rounds).toBe(5));
    await leaderWork.stop(); // resolves although the pause is an hour long
    expect(rounds).toBe(5);
    expect(events).toEqual(["afterStop after 5 rounds"]);
  });

  it("logs the first failure of a run and the recovery, backing off between failed rounds", async () => {
    const logged: string[] = [];
    let rounds = 0;
    const { leaderWork } = createLeaderLoop({
      name: "test loop",
      everyMs: HOUR_MS,
      round: async () => {
        rounds++;
        if (rounds <= 3) throw new Error("database away");
      },
      failureMessage: "could not work; trying again",
      backoff: { initialMs: 1, maxMs: 4 },
      log: (message) => logged.push(message),
    });
    leaderWork.start();
    await vi.waitFor(() => expect(rounds).toBe(4));
    await leaderWork.stop();
    expect(logged).toEqual(["could not work; trying again", "test loop: working again after 3 failed round(s)"]);
  });

  it("never starts on its own with everyMs 0 (tests drive the rounds)", async () => {
    const round = vi.fn(async () => {});
    const { leaderWork, isLeading } = createLeaderLoop({ name: "manual", everyMs: 0, round, failureMessage: "x", log: () => {} });
    leaderWork.start();
    await leaderWork.stop();
    expect(isLeading()).toBe(false);
    expect(round).not.toHaveBeenCalled();
  });
});
