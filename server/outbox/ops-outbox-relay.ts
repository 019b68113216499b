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
  const log = deps.log ?? ((message, error) => console.error(`[outbox] ${message}`, error ?? ""));
  let running: Promise<void> | undefined;
  let isLeading = false;
  let wake: (() => void) | undefined;
  let lastRetentionAt = 0;
  let backlog = { count: 0, at: 0, refreshing: false };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

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

  async function relay(): Promise<void> {
    let failures = 0;
    while (isLeading) {
      try {
        const published = await publishOutboxBatch(prisma, producer, batchSize);
        if (failures > 0) log(`publishing again after ${failures} failed attempt(s)`);
        failures = 0;
        await forgetPublished();
        if (published < batchSize) {
          await refreshBacklog();
          if (isLeading) await pause(idleMs);
        }
      } catch (error) {
        failures++;
        // The batch stays unmarked and goes out again: nothing is lost, and nothing that fails can loop fast.
        if (failures === 1 || failures % 20 === 0) log(`publishing failed (attempt ${failures}); retrying`, error);
        if (isLeading) await pause(Math.min(maxBackoffMs, initialBackoffMs * 2 ** Math.min(failures - 1, 20)));
      }
    }
  }

  return {
    leaderWork: {
      name: "outbox relay",
      start() {
        if (isLeading) return;
        isLeading = true;
        running = relay();
      },
      async stop() {
        isLeading = false;
        wake?.();
        await running;
        await producer.disconnect();
      },
    },
    backlog() {
      if (Date.now() - backlog.at > BACKLOG_REFRESH_MS && !backlog.refreshing) void refreshBacklog();
      return backlog.count;
    },
  };
}
