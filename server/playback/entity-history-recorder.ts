import { LAYERS } from "@/lib/contracts/layers";
import type { CityState } from "@/server/city/city-state";
import type { PrismaClient } from "@/server/db/generated/client";
import { dropPartition, ensurePartition, expiredPartitions, listPartitions } from "./history-partitions";
import { addDays, MINUTE_MS, minuteOf, utcDayOf } from "./playback-time";
import { writeEntityHistory } from "./write-entity-history";
import type { TLeaderPart } from "@/server/cluster/run-while-leader";

export const DEFAULT_PLAYBACK_RETENTION_DAYS = 7;
const MAINTENANCE_EVERY_MS = 3_600_000;

export type TEntityHistoryRecorderDeps = {
  prisma: PrismaClient;
  cityState: CityState;
  /** Whole days older than this are dropped. */
  retentionDays: number;
  /** How often the city is recorded (default once a minute, on the minute). 0: no timers, callers drive it. */
  everyMs?: number;
  now?: () => Date;
  /** Whether this instance starts recording (default yes: one process); with several, the leader records. */
  leading?: boolean;
};

export type TEntityHistoryRecorder = {
  readonly retentionDays: number;
  /** Records the whole city for the minute `at` falls in; skipped while the previous run still writes. Never throws. */
  recordNow(at?: Date): Promise<void>;
  /** Drops the partitions past the retention; returns how many. Never throws (0 on failure, logged). */
  enforceRetention(now?: Date): Promise<number>;
  /** Recording and partition maintenance on their clock, on one instance alone. */
  leaderWork: TLeaderPart;
  /** Stops the timers and waits for a write in flight. */
  stop(): Promise<void>;
};

/**
 * Time playback's recorder: every minute, the latest event of every entity (declared domains' sensors too) goes into entity_history
 * (one row per entity per minute). It reads a synchronous snapshot of the city state and writes off the
 * ingest path: nothing on the ingest side waits for it, and a slow database only makes it skip minutes.
 * Partitions for today and tomorrow are created at start and hourly, when expired ones are dropped.
 */
export function startEntityHistoryRecorder(deps: TEntityHistoryRecorderDeps): TEntityHistoryRecorder {
  const { prisma, cityState, retentionDays } = deps;
  const now = deps.now ?? (() => new Date());
  const everyMs = deps.everyMs ?? MINUTE_MS;
  const ensuredDays = new Set<number>();
  let writing: Promise<void> | null = null;
  let stopped = false;

  const ensureDay = async (at: Date) => {
    const day = utcDayOf(at).getTime();
    if (ensuredDays.has(day)) return;
    await ensurePartition(prisma, at);
    ensuredDays.add(day);
  };

  const enforce = async (at: Date): Promise<number> => {
    const expired = expiredPartitions(await listPartitions(prisma), at, retentionDays);
    for (const name of expired) await dropPartition(prisma, name);
    // A dropped day is created again if something is recorded into it.
    ensuredDays.clear();
    return expired.length;
  };

  const maintain = async () => {
    try {
      const at = now();
      const dropped = await enforce(at);
      if (dropped > 0) console.log(`[playback] dropped ${dropped} expired history partition(s)`);
      await ensureDay(at);
      await ensureDay(addDays(at, 1));
    } catch (error) {
      console.error("[playback] partition maintenance failed:", error);
    }
  };

  // Everything else waits for the first maintenance, so its drops cannot race a write.
  let started: Promise<void> = Promise.resolve();

  const record = async (at: Date) => {
    await started;
    const minute = minuteOf(at);
    await ensureDay(minute);
    await writeEntityHistory(prisma, minute, cityState.snapshot(LAYERS), cityState.declaredSnapshots());
  };

  const recordNow = (at = now()): Promise<void> => {
    if (writing || stopped) return writing ?? Promise.resolve();
    writing = record(at)
      .catch((error: unknown) => console.error("[playback] recording the city failed:", error))
      .finally(() => {
        writing = null;
      });
    return writing;
  };

  let recordTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleRecord = () => {
    // On the minute boundary, so every minute gets exactly one run however long the previous took.
    const delay = everyMs - (now().getTime() % everyMs);
    recordTimer = setTimeout(() => {
      void recordNow();
      scheduleRecord();
    }, delay);
    recordTimer.unref?.();
  };
  let maintenanceTimer: ReturnType<typeof setInterval> | undefined;
  let leading = false;
  const leaderWork: TLeaderPart = {
    name: "recorder",
    start() {
      if (leading || stopped) return;
      leading = true;
      started = maintain();
      if (everyMs === 0) return;
      scheduleRecord();
      maintenanceTimer = setInterval(() => void maintain(), MAINTENANCE_EVERY_MS);
      maintenanceTimer.unref?.();
    },
    async stop() {
      leading = false;
      clearTimeout(recordTimer);
      clearInterval(maintenanceTimer);
      await started;
      await writing;
    },
  };
  if (deps.leading !== false) leaderWork.start();

  return {
    retentionDays,
    recordNow,
    async enforceRetention(at = now()) {
      await started;
      try {
        return await enforce(at);
      } catch (error) {
        console.error("[playback] dropping expired history failed:", error);
        return 0;
      }
    },
    leaderWork,
    async stop() {
      stopped = true;
      await leaderWork.stop();
    },
  };
}
