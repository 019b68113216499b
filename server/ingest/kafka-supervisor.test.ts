import { describe, expect, it } from "vitest";
import { waitFor } from "@/test/wait-for";
import { superviseConsumer, type TSupervisedRun } from "./kafka-supervisor";

// The restart loop on its own, with runs the test crashes by hand (a real consumer: kafka-faults.test.ts).
function controllableRun(log: string[], name: string): TSupervisedRun & { crash(error: Error): void } {
  let crash!: (error: Error) => void;
  const crashed = new Promise<Error>((resolve) => (crash = resolve));
  return {
    crashed,
    crash,
    async stop() {
      log.push(`stop ${name}`);
    },
  };
}

describe("superviseConsumer", () => {
  it("starts a fresh run after each crash or failed start, with a doubling backoff capped at the maximum", async () => {
    const log: string[] = [];
    const runs: ReturnType<typeof controllableRun>[] = [];
    let attempt = 0;
    const supervisor = superviseConsumer({
      backoff: { initialMs: 10, maxMs: 40 },
      wasStable: () => false,
      onRestart: () => log.push("restart"),
      onFailure: (error, retryInMs) => log.push(`failed: ${error.message}, retry in ${retryInMs}`),
      async start() {
        attempt++;
        if (attempt === 2 || attempt === 3) throw new Error(`start ${attempt} refused`);
        const run = controllableRun(log, `run ${attempt}`);
        runs.push(run);
        log.push(`run ${attempt}`);
        return run;
      },
    });
    await supervisor.started;
    expect(log).toEqual(["run 1"]);

    runs[0].crash(new Error("crash 1"));
    await waitFor(() => runs.length === 2, "a fresh run after two refused starts");
    runs[1].crash(new Error("crash 4"));
    await waitFor(() => runs.length === 3, "another run");
    await supervisor.stop();

    expect(log).toEqual([
      "run 1",
      "failed: crash 1, retry in 10",
      "restart",
      "failed: start 2 refused, retry in 20",
      "restart",
      "failed: start 3 refused, retry in 40",
      "restart",
      "run 4",
      "failed: crash 4, retry in 40",
      "restart",
      "run 5",
      "stop run 5",
    ]);
  });

  it("resets the backoff after a stable run", async () => {
    const delays: number[] = [];
    const runs: ReturnType<typeof controllableRun>[] = [];
    let isStable = false;
    const supervisor = superviseConsumer({
      backoff: { initialMs: 10, maxMs: 60_000 },
      wasStable: () => isStable,
      onRestart: () => {},
      onFailure: (_error, retryInMs) => delays.push(retryInMs),
      async start() {
        const run = controllableRun([], "run");
        runs.push(run);
        return run;
      },
    });
    await supervisor.started;
    runs[0].crash(new Error("unstable"));
    await waitFor(() => runs.length === 2, "second run");
    runs[1].crash(new Error("unstable"));
    await waitFor(() => runs.length === 3, "third run");
    isStable = true;
    runs[2].crash(new Error("after a stable run"));
    await waitFor(() => runs.length === 4, "fourth run");
    await supervisor.stop();
    expect(delays).toEqual([10, 20, 10]);
  });

  it("stops while waiting to restart without waiting for the backoff", async () => {
    const runs: ReturnType<typeof controllableRun>[] = [];
    let failures = 0;
    const supervisor = superviseConsumer({
      backoff: { initialMs: 600_000, maxMs: 600_000 },
      wasStable: () => false,
      onRestart: () => {},
      onFailure: () => void failures++,
      async start() {
        const run = controllableRun([], "run");
        runs.push(run);
        return run;
      },
    });
    await supervisor.started;
    runs[0].crash(new Error("gone"));
    await waitFor(() => failures === 1, "the failure");
    await supervisor.stop(); // would outlast the test's timeout if it waited the 10 minutes
    expect(runs).toHaveLength(1);
  });
});
