import type { TIngestSource } from "@/lib/contracts/realtime";
import { boundDeadLetter } from "@/server/ingest/dead-letter-record";
import type { TDeadLetter } from "@/server/ingest/types";
import type { DeadLetter, PrismaClient } from "./generated/client";

/** Upper bound on one page, whatever the caller asks for. */
const DEAD_LETTER_LIST_MAX = 1000;

/**
 * One statement: all stored or none. Every text is sanitised and bounded again here, whoever built the letters.
 * Kafka letters are stored once per source position (a partial unique index): every instance reads every
 * partition and rejects the same message, and the first insert wins. A letter that names its own source kind (an
 * MQTT publish read beside Kafka) is stored under it, not under `sourceKind`.
 */
export async function recordDeadLetters(prisma: PrismaClient, letters: readonly TDeadLetter[], sourceKind?: TIngestSource): Promise<void> {
  if (letters.length === 0) return;
  await prisma.deadLetter.createMany({
    skipDuplicates: true,
    data: letters.map(boundDeadLetter).map((l) => ({
      sourceKind: l.sourceKind ?? sourceKind,
      receivedAt: l.receivedAt,
      reason: l.reason,
      sourceTopic: l.topic,
      sourcePartition: l.partition,
      sourceOffset: l.offset,
      key: l.key,
      payload: l.payload,
      payloadBytes: l.payloadBytes ? new Uint8Array(l.payloadBytes) : null,
      payloadSize: l.payloadSize,
    })),
  });
}

/**
 * The letters this instance stores. Kafka letters are deduplicated by position in the database; an MQTT publish has no
 * position, and without Kafka every instance reads it on a session of its own: only the leader stores those (with
 * Kafka only the leader bridges, so it is the only one to have them anyway).
 */
export function deadLettersStoredHere(letters: readonly TDeadLetter[], isLeader: boolean): TDeadLetter[] {
  return isLeader ? [...letters] : letters.filter((letter) => letter.sourceKind !== "mqtt");
}

/** Newest first. */
export async function listDeadLetters(prisma: PrismaClient, { limit }: { limit: number }): Promise<DeadLetter[]> {
  const take = Math.max(0, Math.min(Math.trunc(limit), DEAD_LETTER_LIST_MAX));
  return prisma.deadLetter.findMany({ orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take });
}

export async function countDeadLetters(prisma: PrismaClient): Promise<number> {
  return prisma.deadLetter.count();
}
