import { createLeaderLoop } from "@/server/cluster/leader-loop";
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
  const runSteps = async (isLeading: () => boolean) => {
    while ((await advanceEscalations(deps)) > 0 && isLeading());
  };
  const { leaderWork, isLeading } = createLeaderLoop({
    name: "escalationChains",
    everyMs: deps.everyMs,
    round: runSteps,
    // The chains wait in the database: nothing is lost while it is away.
    failureMessage: "could not run escalation steps; trying again",
    log: deps.log ?? ((message, error) => console.error(`[escalation] ${message}`, error ?? "")),
  });
  return { leaderWork, runOnce: () => runSteps(isLeading) };
}
