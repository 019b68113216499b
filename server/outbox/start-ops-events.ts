import type { PrismaClient } from "@/server/db/generated/client";
import { INSTANCE_ID } from "@/server/cluster/instance-id";
import { createOpsOutboxRelay, type TOpsOutboxRelay, type TOpsOutboxRelayDeps } from "./ops-outbox-relay";
import { createOpsProducer } from "./ops-producer";
import { switchOpsOutboxOn } from "./ops-outbox-switch";

export type TOpsEventsConfig = { brokers: string[]; clientId: string; retentionHours: number } & Pick<
  TOpsOutboxRelayDeps,
  "batchSize" | "idleMs" | "initialBackoffMs" | "maxBackoffMs"
>;

export type TOpsEvents = Pick<TOpsOutboxRelay, "leaderWork" | "backlog"> & {
  /** Changes write no more outbox rows (after the relay, a leader part, has stopped). */
  stop(): void;
};

/** Operational events on Kafka: every change writes its outbox row from now on; the leader's relay publishes them. */
export function startOpsEvents(prisma: PrismaClient, config: TOpsEventsConfig): TOpsEvents {
  const { brokers, clientId, retentionHours, ...tuning } = config;
  const switchOff = switchOpsOutboxOn();
  const relay = createOpsOutboxRelay({
    prisma,
    producer: createOpsProducer({ brokers, clientId: `${clientId}-ops-${INSTANCE_ID}` }),
    retentionMs: retentionHours * 3_600_000,
    ...tuning,
  });
  return { leaderWork: relay.leaderWork, backlog: relay.backlog, stop: switchOff };
}
