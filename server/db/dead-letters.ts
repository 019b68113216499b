import type { TDeadLetter } from "@/server/ingest/types";
import type { DeadLetter, PrismaClient } from "./generated/client";

/** Payloads are truncated so one huge malformed message cannot bloat the table. */
export const DEAD_LETTER_PAYLOAD_MAX_BYTES = 16 * 1024;
/** Upper bound on one page, whatever the caller asks for. */
export const DEAD_LETTER_LIST_MAX = 1000;

export async function recordDeadLetters(prisma: PrismaClient, letters: readonly TDeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await prisma.deadLetter.createMany({
    data: letters.map((l) => ({
      receivedAt: l.receivedAt,
      reason: l.reason,
      sourceTopic: l.topic,
      sourcePartition: l.partition,
      sourceOffset: l.offset,
      // Keys and payloads are whatever arrived, so they may hold NUL, which PostgreSQL text rejects.
      key: l.key === null ? null : stripNul(l.key),
      payload: l.payload === null ? null : truncateUtf8(stripNul(l.payload), DEAD_LETTER_PAYLOAD_MAX_BYTES),
    })),
  });
}

/** Newest first. */
export async function listDeadLetters(prisma: PrismaClient, { limit }: { limit: number }): Promise<DeadLetter[]> {
  const take = Math.max(0, Math.min(Math.trunc(limit), DEAD_LETTER_LIST_MAX));
  return prisma.deadLetter.findMany({ orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take });
}

export async function countDeadLetters(prisma: PrismaClient): Promise<number> {
  return prisma.deadLetter.count();
}

function stripNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

/** Cuts to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text; // fast path: one UTF-16 unit is at most 3 UTF-8 bytes
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // back up to a character boundary
  return bytes.subarray(0, end).toString("utf8");
}
