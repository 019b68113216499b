import { describe, expect, it } from "vitest";
import { waitFor } from "@/test/wait-for";
import type { TLeadershipListener } from "./leader-lease";
import { runWhileLeader, type TLeaderPart } from "./run-while-leader";

/** A lease driven by hand: the supervisor's ordering is the subject here (the real lease is in leader-lease.test.ts). */
function handLease(leading: boolean) {
  const listeners = new Set<TLeadershipListener>();
  return {
    isLeader: () => leading,
    onChange(listener: TLeadershipListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Like the real lease, it does not wait for the listeners here: transitions may pile up. */
    set(next: boolean) {
      leading = next;
      for (const listener of listeners) void listener(next);
    },
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Parts that log their calls; a part's stop can be held open to see that nothing starts meanwhile. */
function recordingParts(names: string[]) {
  const log: string[] = [];
  const running = new Set<string>();
  let held: ReturnType<typeof deferred> | undefined;
  const parts: TLeaderPart[] = names.map((name) => ({
    name,
    start() {
      if (running.has(name)) throw new Error(`${name} started twice`);
      running.add(name);
      log.push(`start ${name}`);
    },
    async stop() {
      log.push(`stopping ${name}`);
      await held?.promise;
      running.delete(name);
      log.push(`stopped ${name}`);
    },
  }));
  return {
    log,
    running,
    parts,
    holdStops: () => (held = deferred()),
  };
}

describe("runWhileLeader", () => {
  it("starts the parts in order on becoming leader and stops them in reverse order", async () => {
    const lease = handLease(false);
    const { log, parts } = recordingParts(["alerts", "recorder"]);
    const supervisor = runWhileLeader(lease, parts);
    await supervisor.settled();
    expect(supervisor.isLeading()).toBe(false);
    lease.set(true);
    await supervisor.settled();
    expect(supervisor.isLeading()).toBe(true);
    lease.set(false);
    expect(supervisor.isLeading()).toBe(false); // from the moment leadership is lost
    await supervisor.settled();
    expect(log).toEqual([
      "stopping recorder",
      "stopped recorder",
      "stopping alerts",
      "stopped alerts",
      "start alerts",
      "start recorder",
      "stopping recorder",
      "stopped recorder",
      "stopping alerts",
      "stopped alerts",
    ]);
  });

  it("starts nothing again while the previous stop is still running", async () => {
    const lease = handLease(true);
    const { log, parts, running, holdStops } = recordingParts(["alerts", "recorder"]);
    const supervisor = runWhileLeader(lease, parts);
    await supervisor.settled();
    log.length = 0;

    const stops = holdStops();
    lease.set(false);
    lease.set(true); // leadership comes back while the parts are still stopping
    await waitFor(() => log.includes("stopping recorder"), "the stop began");
    expect(log).toEqual(["stopping recorder"]);
    stops.resolve();
    await supervisor.settled();
    expect(log).toEqual(["stopping recorder", "stopped recorder", "stopping alerts", "stopped alerts", "start alerts", "start recorder"]);
    expect([...running]).toEqual(["alerts", "recorder"]);
  });

  it("keeps the other parts running when one fails to start, and stops everything on stop()", async () => {
    const lease = handLease(true);
    const { log, parts } = recordingParts(["alerts", "recorder"]);
    const failing: TLeaderPart = {
      name: "broken",
      start: () => Promise.reject(new Error("no database")),
      stop: () => {},
    };
    const errors: string[] = [];
    const supervisor = runWhileLeader(lease, [parts[0], failing, parts[1]], (message) => errors.push(message));
    await supervisor.settled();
    expect(log).toEqual(["start alerts", "start recorder"]);
    expect(errors).toEqual(["could not start broken"]);
    await supervisor.stop();
    lease.set(true); // no longer followed
    await supervisor.settled();
    expect(log).toEqual(["start alerts", "start recorder", "stopping recorder", "stopped recorder", "stopping alerts", "stopped alerts"]);
  });
});
