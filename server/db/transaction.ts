import type { Prisma, PrismaClient } from "@/server/db/generated/client";

export type TTx = Prisma.TransactionClient;

/**
 * An interactive transaction with room to wait: under a burst (100 operators clicking at once) requests
 * queue for one of the pool's connections longer than Prisma's 2 s default, and that is not an error.
 */
export function inTransaction<T>(prisma: PrismaClient, fn: (tx: TTx) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { maxWait: 30_000, timeout: 30_000 });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of alerts and incidents are UUIDs; anything else cannot exist (and must not reach a uuid column). */
export const isUuid = (id: string) => UUID.test(id);
