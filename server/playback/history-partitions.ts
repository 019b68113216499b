import type { PrismaClient } from "@/server/db/generated/client";
import { addDays, DAY_MS, utcDayOf } from "./playback-time";

/**
 * entity_history is partitioned by range of minute, one partition per UTC day named
 * entity_history_YYYYMMDD. Partitions are created ahead of the data and dropped whole when they
 * expire, so retention never scans or DELETEs rows.
 */
const PREFIX = "entity_history_";
const NAME = /^entity_history_(\d{4})(\d{2})(\d{2})$/;

function partitionNameOf(day: Date): string {
  return PREFIX + utcDayOf(day).toISOString().slice(0, 10).replaceAll("-", "");
}

/** The UTC day a partition holds, or null for a table that is not one of ours. */
function partitionDayOf(name: string): Date | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const day = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00.000Z`);
  return Number.isNaN(day.getTime()) || partitionNameOf(day) !== name ? null : day;
}

/** Creates the partition holding `at`'s UTC day unless it exists. */
export async function ensurePartition(prisma: PrismaClient, at: Date): Promise<string> {
  const day = utcDayOf(at);
  const name = partitionNameOf(day);
  // DDL takes no bind parameters; the name and bounds are built from a Date above, never from input.
  await prisma.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF "entity_history" ` +
      `FOR VALUES FROM ('${day.toISOString()}') TO ('${addDays(day, 1).toISOString()}')`,
  );
  return name;
}

export async function listPartitions(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = '"entity_history"'::regclass ORDER BY c.relname`;
  return rows.map((row) => row.name);
}

/** Partitions whose whole day ended at least `retentionDays` before `now`: nothing in them is retained. */
export function expiredPartitions(names: readonly string[], now: Date, retentionDays: number): string[] {
  const cutoffMs = now.getTime() - retentionDays * DAY_MS;
  return names.filter((name) => {
    const day = partitionDayOf(name);
    return day !== null && day.getTime() + DAY_MS <= cutoffMs;
  });
}

export async function dropPartition(prisma: PrismaClient, name: string): Promise<void> {
  if (!partitionDayOf(name)) throw new Error(`not an entity_history partition: ${name}`);
  await prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "${name}"`);
}
