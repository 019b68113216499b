import { createLeaderLoop } from "@/server/cluster/leader-loop";
import type { TLeaderPart } from "@/server/cluster/run-while-leader";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TOpsProducer } from "./ops-producer";
import { publishOutboxBatch } from "./publish-outbox-batch";

export type TOpsOutboxRelayDeps = {
  prisma: PrismaClient;
  producer: TOpsProducer;
  /** Published rows are deleted once older than this. */
  retentionMs: number;
  batchSize?: number;
  /** How often an empty outbox is looked at again. */
  idleMs?: number;
  /** After a failed batch the relay waits this long, doubling per failure up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  log?: (message: string, error?: unknown) => void;
};

export type TOpsOutboxRelay = {
  /** Publishes while this instance leads: one relay per city keeps each entity's events in order. */
  leaderWork: TLeaderPart;
  /** Unpublished rows, as last counted (at most BACKLOG_REFRESH_MS old, never waited for): for /metrics. */
  backlog(): number;
};

const BACKLOG_REFRESH_MS = 5_000;
const RETENTION_EVERY_MS = 60_000;

/** The outbox's relay to Kafka (see publish-outbox-batch.ts for what a batch guarantees). */
export function createOpsOutboxRelay(deps: TOpsOutboxRelayDeps): TOpsOutboxRelay {
  const { prisma, producer, retentionMs, batchSize = 500, idleMs = 200, initialBackoffMs = 250, maxBackoffMs = 30_000 } = deps;
  let lastRetentionAt = 0;
  let backlog = { count: 0, at: 0, refreshing: false };

  const refreshBacklog = async () => {
    backlog = { ...backlog, refreshing: true };
    try {
      backlog = { count: await prisma.opsOutbox.count({ where: { publishedAt: null } }), at: Date.now(), refreshing: false };
    } catch {
      backlog = { ...backlog, refreshing: false }; // the database is down: the last count stands
    }
  };

  const forgetPublished = async () => {
    if (Date.now() - lastRetentionAt < RETENTION_EVERY_MS) return;
    lastRetentionAt = Date.now();
    await prisma.opsOutbox.deleteMany({ where: { publishedAt: { lt: new Date(Date.now() - retentionMs) } } });
  };

  /** One batch; a full one means more is waiting, so the next goes straight on. */
  const publishBatch = async (): Promise<number> => {
    const published = await publishOutboxBatch(prisma, producer, batchSize);
    await forgetPublished();
    if (published === batchSize) return 0;
    await refreshBacklog();
    return idleMs;
  };

  const { leaderWork } = createLeaderLoop({
    name: "outbox relay",
    everyMs: idleMs,
    round: publishBatch,
    // A failed batch stays unmarked and goes out again: nothing is lost, and nothing that fails can loop fast.
    failureMessage: "publishing failed; retrying",
    backoff: { initialMs: initialBackoffMs, maxMs: maxBackoffMs },
    afterStop: () => producer.disconnect(),
    log: deps.log ?? ((message, error) => console.error(`[outbox] ${message}`, error ?? "")),
  });

  return {
    leaderWork,
    backlog() {
      if (Date.now() - backlog.at > BACKLOG_REFRESH_MS && !backlog.refreshing) void refreshBacklog();
      return backlog.count;
    },
  };
}
