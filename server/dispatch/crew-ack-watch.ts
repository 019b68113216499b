import { createLeaderLoop } from "@/server/cluster/leader-loop";
import type { TLeaderPart } from "@/server/cluster/run-while-leader";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TPublisher } from "@/server/realtime/publisher";
import { escalateUnacknowledged, type TEscalatedAcks } from "./escalate-unacknowledged";

export type TCrewAckWatchDeps = {
  prisma: PrismaClient;
  publish: Pick<TPublisher, "alert" | "incident">;
  /** The clock assignments are timed by (tests move it instead of waiting). */
  now?: () => Date;
  /** How often the leader looks; 0: never by itself (tests call runOnce). */
  everyMs: number;
  log?: (message: string, error?: unknown) => void;
};

export type TCrewAckWatch = { leaderWork: TLeaderPart; runOnce(): Promise<TEscalatedAcks> };

/** Chases crews that have not acknowledged their assignment (escalate-unacknowledged.ts) on a clock, on the leader. */
export function createCrewAckWatch(deps: TCrewAckWatchDeps): TCrewAckWatch {
  const now = deps.now ?? (() => new Date());
  const runOnce = async () => {
    const escalated = await escalateUnacknowledged(deps.prisma, now());
    // Published after each commit: the control room hears of it like any raised alert.
    for (const alert of escalated.alerts) deps.publish.alert(alert);
    for (const incident of escalated.incidents) deps.publish.incident(incident);
    return escalated;
  };
  const { leaderWork } = createLeaderLoop({
    name: "crewAckEscalation",
    everyMs: deps.everyMs,
    round: runOnce,
    failureMessage: "could not check crews' acknowledgements; trying again",
    log: deps.log ?? ((message, error) => console.error(`[crew acks] ${message}`, error ?? "")),
  });
  return { runOnce, leaderWork };
}
