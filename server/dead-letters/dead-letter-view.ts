import type { TDeadLetterView } from "@/lib/contracts/dead-letters";
import { ZDeadLetterReasonKind, ZDeadLetterReplayOutcome } from "@/lib/contracts/dead-letters";
import type { DeadLetter } from "@/server/db/generated/client";
import { MINIMAL_TAG } from "@/server/ingest/dead-letter-record";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** What the page shows of a stored letter: the payload as text when its bytes are UTF-8, else as hex. */
export function toDeadLetterView(row: DeadLetter): TDeadLetterView {
  const hasPosition = row.sourceKind !== "mqtt" && row.sourcePartition >= 0;
  return {
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    reason: row.reason,
    reasonKind: ZDeadLetterReasonKind.catch("other").parse(row.reasonKind),
    source: {
      kind: row.sourceKind,
      topic: row.sourceTopic,
      partition: hasPosition ? row.sourcePartition : null,
      offset: hasPosition ? row.sourceOffset : null,
    },
    entityId: row.entityId,
    key: row.key,
    payload: payloadOf(row),
    replayCount: row.replayCount,
    lastReplayedAt: row.lastReplayedAt?.toISOString() ?? null,
    lastReplayedBy: row.lastReplayedBy,
    replayOutcome: ZDeadLetterReplayOutcome.nullable().catch(null).parse(row.replayOutcome),
    lastFailedAt: row.lastFailedAt?.toISOString() ?? null,
    handled: row.handledAt ? { at: row.handledAt.toISOString(), by: row.handledBy, note: row.handledNote } : null,
    notReplayableBecause: whyNotReplayable(row),
  };
}

function payloadOf(row: DeadLetter): TDeadLetterView["payload"] {
  const stored = storedBytes(row);
  const size = row.payloadSize ?? stored?.length ?? null;
  const isTruncated = stored !== null && size !== null && size > stored.length;
  if (stored === null) return { text: null, hex: null, size, isTruncated: false };
  try {
    return { text: UTF8.decode(stored), hex: null, size, isTruncated };
  } catch {
    return { text: null, hex: Buffer.from(stored).toString("hex"), size, isTruncated };
  }
}

/** The bytes as received; rows stored before bytes were kept have only their (sanitised) text. */
function storedBytes(row: Pick<DeadLetter, "payloadBytes" | "payload">): Uint8Array | null {
  if (row.payloadBytes) return row.payloadBytes;
  return row.payload === null ? null : Buffer.from(row.payload, "utf8");
}

/** Null when the original message can be sent back exactly; otherwise why not, for the page. */
export function whyNotReplayable(row: DeadLetter): string | null {
  // Its source is a device's MQTT topic, not a Kafka topic this server can write back to.
  if (row.sourceKind === "mqtt") return "Received over MQTT: have the device publish it again, or mark it as handled";
  if (row.reason.endsWith(MINIMAL_TAG)) {
    return "Only a minimal record of this message was kept, not its bytes";
  }
  if (row.payloadBytes === null && row.payload !== null) return "Stored before original bytes were kept: only a readable copy exists";
  const stored = storedBytes(row);
  if (stored !== null && row.payloadSize !== null && row.payloadSize > stored.length) {
    return `Only the first ${stored.length} of its ${row.payloadSize} bytes were kept; replay it from the dead-letter topic`;
  }
  return null;
}

/** The original key and value bytes, for a letter whyNotReplayable accepts. */
export function replayBytesOf(row: DeadLetter): { key: Buffer | null; value: Buffer | null } {
  const key = row.keyBytes ? Buffer.from(row.keyBytes) : row.key === null ? null : Buffer.from(row.key, "utf8");
  return { key, value: row.payloadBytes ? Buffer.from(row.payloadBytes) : null };
}
