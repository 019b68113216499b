import { INGEST_SOURCES } from "@/lib/contracts/realtime";
import { asciiEscape, sanitizeText, truncateUtf8 } from "./sanitize-text";
import type { TDeadLetter, TRawMessage } from "./types";

/**
 * The dead-letter record of a rejected message, bounded so that it can always be stored: every text
 * sanitised and capped, the raw bytes kept apart (truncated, with their original size).
 */

/** One huge malformed message must not bloat the table (or the buffer waiting for PostgreSQL). */
export const DEAD_LETTER_PAYLOAD_MAX_BYTES = 16 * 1024;
/** Reasons quote the payload (a JSON parse error shows the bytes around the fault): cap them too. */
export const DEAD_LETTER_REASON_MAX_CHARS = 1000;
const DEAD_LETTER_KEY_MAX_CHARS = 1000;
const DEAD_LETTER_KEY_MAX_BYTES = 1000;
const ENTITY_ID_MAX_CHARS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Kafka topic names are at most 249 characters; MQTT topics can be longer. */
const DEAD_LETTER_TOPIC_MAX_CHARS = 255;
const OFFSET_MAX_CHARS = 40;
/** Hex doubles the size: the minimal form keeps the first 8 KB of the payload as 16 KB of text. */
const MINIMAL_HEX_MAX_BYTES = 8 * 1024;
/** Ends the reason of a letter stored in minimal form (its bytes are gone: it cannot be replayed). */
export const MINIMAL_TAG = " [minimal form: the full record was refused; payload as hex]";
const INT32_MAX = 2 ** 31 - 1;

export function toDeadLetter(message: TRawMessage, reason: string, receivedAt: Date): TDeadLetter {
  const { value } = message;
  let payload: string | null = null;
  let payloadBytes: Uint8Array | null = null;
  let payloadSize: number | null = null;
  if (typeof value === "string") {
    // A string source (simulator, MQTT) could hold megabytes: encode only what can be kept.
    const head = value.slice(0, DEAD_LETTER_PAYLOAD_MAX_BYTES);
    payload = head;
    payloadBytes = Buffer.from(head, "utf8").subarray(0, DEAD_LETTER_PAYLOAD_MAX_BYTES);
    payloadSize = Buffer.byteLength(value, "utf8");
  } else if (value !== null) {
    const head = value.subarray(0, DEAD_LETTER_PAYLOAD_MAX_BYTES);
    payload = head.toString("utf8"); // invalid UTF-8 becomes U+FFFD here; the bytes below stay exact
    payloadBytes = head;
    payloadSize = value.length;
  }
  return boundDeadLetter({
    reason,
    topic: message.origin?.topic ?? message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key ?? null,
    keyBytes: message.keyBytes ?? null,
    payload,
    payloadBytes,
    payloadSize,
    entityId: entityIdOf(payload, message.key ?? null),
    replayOf: message.replayOf ?? null,
    receivedAt,
    ...(message.origin && { sourceKind: message.origin.kind }),
  });
}

/** The entityId a JSON payload names, else the key (messages are keyed by entity); null when neither is there. */
function entityIdOf(payload: string | null, key: string | null): string | null {
  if (payload !== null && payload.length < DEAD_LETTER_PAYLOAD_MAX_BYTES) {
    try {
      const parsed: unknown = JSON.parse(payload);
      const id = (parsed as { entityId?: unknown } | null)?.entityId;
      if (typeof id === "string" && id !== "") return id;
    } catch {
      // Not JSON (that may be why it is a dead letter): the key may still name the entity.
    }
  }
  return key === null || key === "" ? null : key;
}

/**
 * Every text sanitised and capped, the bytes copied (a slice would keep a whole fetched Kafka batch
 * alive while the letter waits for PostgreSQL). Idempotent: the store applies it again to whatever it gets.
 */
export function boundDeadLetter(letter: TDeadLetter): TDeadLetter {
  const bytes = letter.payloadBytes ?? null;
  return {
    reason: sanitizeText(String(letter.reason), DEAD_LETTER_REASON_MAX_CHARS),
    topic: sanitizeText(String(letter.topic), DEAD_LETTER_TOPIC_MAX_CHARS),
    partition: int32Or(letter.partition, -1),
    offset: sanitizeText(String(letter.offset), OFFSET_MAX_CHARS),
    key: letter.key == null ? null : sanitizeText(String(letter.key), DEAD_LETTER_KEY_MAX_CHARS),
    payload:
      letter.payload == null
        ? null
        : truncateUtf8(sanitizeText(String(letter.payload), DEAD_LETTER_PAYLOAD_MAX_BYTES), DEAD_LETTER_PAYLOAD_MAX_BYTES),
    payloadBytes: bytes === null ? null : new Uint8Array(bytes.subarray(0, DEAD_LETTER_PAYLOAD_MAX_BYTES)),
    payloadSize: letter.payloadSize == null ? null : int32Or(Math.min(letter.payloadSize, INT32_MAX), null),
    keyBytes: letter.keyBytes == null ? null : new Uint8Array(letter.keyBytes.subarray(0, DEAD_LETTER_KEY_MAX_BYTES)),
    // Letters built elsewhere than toDeadLetter name no entity: their key (messages are keyed by entity) stands in.
    entityId: boundEntityId(letter.entityId === undefined ? letter.key : letter.entityId),
    replayOf: replayOfOrNull(letter.replayOf),
    receivedAt: validDate(letter.receivedAt),
    ...sourceKindOf(letter),
  };
}

function boundEntityId(id: string | null | undefined): string | null {
  return id == null || id === "" ? null : sanitizeText(String(id), ENTITY_ID_MAX_CHARS);
}

/** Only a letter id can be replayed; anything else in the header is not one of ours. */
function replayOfOrNull(id: unknown): string | null {
  return typeof id === "string" && UUID.test(id) ? id.toLowerCase() : null;
}

/**
 * The last resort when PostgreSQL refused a bounded record: printable ASCII and hex only, nothing
 * taken verbatim from outside, so nothing the sender chose can make it fail.
 */
export function toMinimalDeadLetter(letter: TDeadLetter): TDeadLetter {
  const raw = letter.payloadBytes ?? (letter.payload == null ? null : Buffer.from(String(letter.payload), "utf8"));
  return {
    reason: asciiEscape(String(letter.reason), DEAD_LETTER_REASON_MAX_CHARS - MINIMAL_TAG.length) + MINIMAL_TAG,
    topic: asciiEscape(String(letter.topic), DEAD_LETTER_TOPIC_MAX_CHARS),
    partition: int32Or(letter.partition, -1),
    offset: asciiEscape(String(letter.offset), OFFSET_MAX_CHARS),
    key: null,
    payload: raw === null ? null : Buffer.from(raw.subarray(0, MINIMAL_HEX_MAX_BYTES)).toString("hex"),
    payloadBytes: null,
    payloadSize: letter.payloadSize == null ? (raw?.length ?? null) : int32Or(Math.min(letter.payloadSize, INT32_MAX), null),
    keyBytes: null,
    entityId: null,
    // Checked to be a UUID: a failed replay still finds its letter in minimal form.
    replayOf: replayOfOrNull(letter.replayOf),
    receivedAt: validDate(letter.receivedAt),
    ...sourceKindOf(letter),
  };
}

/** Only a known kind is kept: the column is matched by name (the Kafka position index applies to "kafka" rows). */
function sourceKindOf(letter: TDeadLetter): Pick<TDeadLetter, "sourceKind"> {
  return letter.sourceKind !== undefined && (INGEST_SOURCES as readonly string[]).includes(letter.sourceKind)
    ? { sourceKind: letter.sourceKind }
    : {};
}

function int32Or<T>(value: number, fallback: T): number | T {
  return Number.isInteger(value) && value >= -INT32_MAX - 1 && value <= INT32_MAX ? value : fallback;
}

function validDate(date: Date): Date {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date : new Date();
}
