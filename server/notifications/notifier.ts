import { createLeaderLoop } from "@/server/cluster/leader-loop";
import type { TLeaderPart } from "@/server/cluster/run-while-leader";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TNotificationChannels } from "./channels";
import { deliverCrewNotices } from "./deliver-crew-notices";
import { deliverDue } from "./deliver-due";
import type { TEntityNames } from "./entity-name";
import { fanOutRaisedAlerts } from "./fan-out-alerts";

export type TNotifierDeps = {
  prisma: PrismaClient;
  channels: TNotificationChannels;
  names: TEntityNames;
  publicUrl: string;
  now?: () => Date;
  /** How often the leader looks for raised alerts and due deliveries; 0: never by itself (tests call runOnce). */
  everyMs: number;
  log?: (message: string, error?: unknown) => void;
};

export type TNotifier = {
  /** Fans out and delivers on the leader alone: the deliveries table is the queue, so one worker keeps it simple. */
  leaderWork: TLeaderPart;
  /** One round: queue the newly raised alerts' deliveries, then try what is due (alert deliveries, then crew pushes). */
  runOnce(): Promise<void>;
};

/** Tells people off-screen about raised alerts (see fan-out-alerts.ts and deliver-due.ts). */
export function createNotifier(deps: TNotifierDeps): TNotifier {
  const now = deps.now ?? (() => new Date());
  const round = async (isLeading: () => boolean) => {
    await fanOutRaisedAlerts({ prisma: deps.prisma, now });
    // Whole batches until nothing more is due, so a burst of alerts does not wait a round per batch.
    while ((await deliverDue({ ...deps, now })) > 0 && isLeading());
    // Crews' phones (new assignments, backup requests): their own queue, the same channel.
    while ((await deliverCrewNotices({ ...deps, now })) > 0 && isLeading());
  };
  const { leaderWork, isLeading } = createLeaderLoop({
    name: "notifications",
    everyMs: deps.everyMs,
    round,
    // The database is away: the queue waits in it, nothing is lost.
    failureMessage: "could not work the delivery queue; trying again",
    log: deps.log ?? ((message, error) => console.error(`[notifications] ${message}`, error ?? "")),
  });
  return { leaderWork, runOnce: () => round(isLeading) };
}
