import type { TOpsEvent } from "@/lib/contracts/ops-events";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TOpsMessage, TOpsProducer } from "./ops-producer";

type TOutboxRow = Awaited<ReturnType<typeof readOutboxBatch>>[number];

/** The oldest unpublished rows, in id (commit, per entity) order. */
export function readOutboxBatch(prisma: PrismaClient, size: number) {
  return prisma.opsOutbox.findMany({ where: { publishedAt: null }, orderBy: { id: "asc" }, take: size });
}

export function toOpsMessage(row: TOutboxRow): TOpsMessage {
  const event = { id: row.entityId, seq: Number(row.id), type: row.type, at: row.at.toISOString(), entity: row.entity } as TOpsEvent;
  return { topic: row.topic, key: row.entityId, value: JSON.stringify(event) };
}

export async function markPublished(prisma: PrismaClient, rows: readonly TOutboxRow[]): Promise<void> {
  await prisma.opsOutbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { publishedAt: new Date() } });
}

/**
 * One step of the relay: read a batch, publish it, mark it. A crash between the send and the mark
 * publishes that batch again on the next run (at least once; consumers dedup on (id, seq)); nothing is
 * marked that Kafka has not acknowledged. Returns how many rows went out.
 */
export async function publishOutboxBatch(prisma: PrismaClient, producer: TOpsProducer, size: number): Promise<number> {
  const rows = await readOutboxBatch(prisma, size);
  if (rows.length === 0) return 0;
  await producer.send(rows.map(toOpsMessage));
  await markPublished(prisma, rows);
  return rows.length;
}
