import type { TIngestSource } from "@/lib/contracts/realtime";
import { boundDeadLetter } from "@/server/ingest/dead-letter-record";
import { classifyDeadLetterReason } from "@/server/ingest/dead-letter-reason";
import type { TAcceptedReplay, TDeadLetter } from "@/server/ingest/types";
import type { DeadLetter, PrismaClient } from "./generated/client";
import { isUuid } from "./transaction";

/** Upper bound on one page, whatever the caller asks for. */
const DEAD_LETTER_LIST_MAX = 1000;

/**
 * One insert: all new letters stored or none. Every text is sanitised and bounded again here, whoever built the letters.
 * Kafka letters are stored once per source position (a partial unique index): every instance reads every
 * partition and rejects the same message, and the first insert wins. A letter that names its own source kind (an
 * MQTT publish read beside Kafka) is stored under it, not under `sourceKind`.
 * A replayed letter that failed again updates its letter first (idempotent, so a retry of the batch, or every
 * instance rejecting the same replay, leaves one row); only if that letter is gone is it stored as a new one.
 */
export async function recordDeadLetters(prisma: PrismaClient, letters: readonly TDeadLetter[], sourceKind?: TIngestSource): Promise<void> {
  if (letters.length === 0) return;
  const fresh: TDeadLetter[] = [];
  for (const letter of letters.map(boundDeadLetter)) {
    if (!letter.replayOf || !(await recordFailedReplay(prisma, letter))) fresh.push(letter);
  }
  if (fresh.length === 0) return;
  await prisma.deadLetter.createMany({
    skipDuplicates: true,
    data: fresh.map((l) => ({
      sourceKind: l.sourceKind ?? sourceKind,
      receivedAt: l.receivedAt,
      reason: l.reason,
      reasonKind: classifyDeadLetterReason(l.reason),
      sourceTopic: l.topic,
      sourcePartition: l.partition,
      sourceOffset: l.offset,
      key: l.key,
      keyBytes: l.keyBytes ? new Uint8Array(l.keyBytes) : null,
      entityId: l.entityId ?? null,
      payload: l.payload,
      payloadBytes: l.payloadBytes ? new Uint8Array(l.payloadBytes) : null,
      payloadSize: l.payloadSize,
    })),
  });
}

/**
 * The same letter again, not a new one. It must match its letter's topic and size: the header is outside
 * input, and a guessed id on some other message must not rewrite an unrelated letter. A failed replay needs
 * looking at again, so it is no longer handled.
 */
async function recordFailedReplay(prisma: PrismaClient, letter: TDeadLetter): Promise<boolean> {
  const { count } = await prisma.deadLetter.updateMany({
    where: { id: letter.replayOf!, sourceTopic: letter.topic, payloadSize: letter.payloadSize ?? null },
    data: {
      reason: letter.reason,
      reasonKind: classifyDeadLetterReason(letter.reason),
      lastFailedAt: letter.receivedAt,
      replayOutcome: "failed",
      handledAt: null,
      handledById: null,
      handledBy: null,
      handledNote: null,
    },
  });
  return count > 0;
}

/**
 * Replays that passed validation: their letters say so. Only a letter of that topic waiting for its replay's
 * outcome (or already told, as every instance reports the same replay) is marked: the header is outside input.
 */
export async function markReplaysAccepted(prisma: PrismaClient, replays: readonly TAcceptedReplay[]): Promise<void> {
  for (const { deadLetterId, topic } of replays.filter((r) => isUuid(r.deadLetterId))) {
    await prisma.deadLetter.updateMany({
      where: { id: deadLetterId, sourceTopic: topic, replayOutcome: { in: ["pending", "accepted"] } },
      data: { replayOutcome: "accepted" },
    });
  }
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
