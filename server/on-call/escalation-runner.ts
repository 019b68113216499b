import type { TLeaderPart } from "@/server/cluster/run-while-leader";
import type { PrismaClient } from "@/server/db/generated/client";
import { advanceEscalations } from "./advance-escalations";

export type TEscalationRunnerDeps = {
  prisma: PrismaClient;
  now: () => Date;
  /** How often the leader looks for due steps; 0: never by itself (tests call runOnce with their clock). */
  everyMs: number;
  log?: (message: string, error?: unknown) => void;
};

export type TEscalationRunner = {
  /** Runs due chain steps on the leader alone; each step is also claimed in SQL, so a change of leader runs it once. */
  leaderWork: TLeaderPart;
  /** Every due step, then back (tests move the clock and call this). */
  runOnce(): Promise<void>;
};

export function createEscalationRunner(deps: TEscalationRunnerDeps): TEscalationRunner {
  const log = deps.log ?? ((message, error) => console.error(`[escalation] ${message}`, error ?? ""));
  let isLeading = false;
  let running: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const runOnce = async () => {
    while ((await advanceEscalations(deps)) > 0 && isLeading);
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function loop() {
    let failures = 0;
    while (isLeading) {
      try {
        await runOnce();
        failures = 0;
      } catch (error) {
        // The chains wait in the database: nothing is lost while it is away; say so once, then now and then.
        if (failures++ % 30 === 0) log("could not run escalation steps; trying again", error);
      }
      if (isLeading) await pause(deps.everyMs);
    }
  }

  return {
    runOnce,
    leaderWork: {
      name: "escalationChains",
      start() {
        if (isLeading || deps.everyMs <= 0) return;
        isLeading = true;
        running = loop();
      },
      async stop() {
        isLeading = false;
        wake?.();
        await running;
      },
    },
  };
}
