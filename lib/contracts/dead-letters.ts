import { z } from "zod";

/**
 * Dead letters on /dead-letters (GET /api/dead-letters, /counts; POST /replay, /handle): messages the ingest
 * pipeline rejected, which supervisors and admins replay to their source or mark as handled.
 */

/** Why a message was rejected, grouped (the reason itself quotes the message and varies without end). */
export const DEAD_LETTER_REASON_KINDS = [
  "invalid_json",
  "schema",
  "unknown_entity",
  "wrong_topic",
  "asset_kind_mismatch",
  "time",
  "empty",
  "too_large",
  "apply_failed",
  "other",
] as const;
export const ZDeadLetterReasonKind = z.enum(DEAD_LETTER_REASON_KINDS);
export type TDeadLetterReasonKind = z.infer<typeof ZDeadLetterReasonKind>;

/** open: not handled yet (the default view); handled: only those marked handled; all: both. */
export const DEAD_LETTER_STATUSES = ["open", "handled", "all"] as const;
export const ZDeadLetterStatus = z.enum(DEAD_LETTER_STATUSES);
export type TDeadLetterStatus = z.infer<typeof ZDeadLetterStatus>;

export const DEAD_LETTER_REPLAY_OUTCOMES = ["pending", "accepted", "failed"] as const;
export const ZDeadLetterReplayOutcome = z.enum(DEAD_LETTER_REPLAY_OUTCOMES);

/** Kafka topic names are at most 249 characters, MQTT topics may be longer: the store keeps 255. */
const SOURCE_TOPIC_MAX_CHARS = 255;

export const ZDeadLetterQuery = z.object({
  reason: ZDeadLetterReasonKind.optional(),
  /** The source topic exactly (Kafka topic or MQTT topic). */
  source: z.string().min(1).max(SOURCE_TOPIC_MAX_CHARS).optional(),
  status: ZDeadLetterStatus.default("open"),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TDeadLetterQuery = z.infer<typeof ZDeadLetterQuery>;

/**
 * Where the message came from, kept general: a Kafka record has a partition and an offset; an MQTT publish
 * or a simulated message has only its topic (`kind` null: stored before the source kind was kept).
 */
export const ZDeadLetterSource = z.object({
  kind: z.string().nullable(),
  topic: z.string(),
  partition: z.number().int().nullable(),
  offset: z.string().nullable(),
});
export type TDeadLetterSource = z.infer<typeof ZDeadLetterSource>;

/** The payload as the sender sent it: `text` when the bytes are valid UTF-8, else `hex`; both null for no payload. */
export const ZDeadLetterPayload = z.object({
  text: z.string().nullable(),
  hex: z.string().nullable(),
  /** Size of the original payload in bytes; larger than the stored part when truncated. */
  size: z.number().int().nullable(),
  isTruncated: z.boolean(),
});
export type TDeadLetterPayload = z.infer<typeof ZDeadLetterPayload>;

export const ZDeadLetterView = z.object({
  id: z.uuid(),
  receivedAt: z.iso.datetime(),
  reason: z.string(),
  reasonKind: ZDeadLetterReasonKind,
  source: ZDeadLetterSource,
  /** The entity the message names, when it names one (the page shows its name from the city pack). */
  entityId: z.string().nullable(),
  key: z.string().nullable(),
  payload: ZDeadLetterPayload,
  replayCount: z.number().int(),
  lastReplayedAt: z.iso.datetime().nullable(),
  lastReplayedBy: z.string().nullable(),
  replayOutcome: ZDeadLetterReplayOutcome.nullable(),
  lastFailedAt: z.iso.datetime().nullable(),
  handled: z.object({ at: z.iso.datetime(), by: z.string().nullable(), note: z.string().nullable() }).nullable(),
  /** Null when it can be replayed; otherwise why not, in words. */
  notReplayableBecause: z.string().nullable(),
});
export type TDeadLetterView = z.infer<typeof ZDeadLetterView>;

export const ZDeadLetterPage = z.object({ letters: z.array(ZDeadLetterView), nextCursor: z.string().nullable() });
export type TDeadLetterPage = z.infer<typeof ZDeadLetterPage>;

export const DEAD_LETTER_COUNT_HOURS_MAX = 7 * 24;

export const ZDeadLetterCountsQuery = z.object({
  hours: z.coerce.number().int().min(1).max(DEAD_LETTER_COUNT_HOURS_MAX).default(24),
});
export type TDeadLetterCountsQuery = z.infer<typeof ZDeadLetterCountsQuery>;

export const ZDeadLetterCounts = z.object({
  /** Every hour of the window, oldest first, with the letters received in it by reason (kinds with none left out). */
  hours: z.array(z.object({ hour: z.iso.datetime(), counts: z.partialRecord(ZDeadLetterReasonKind, z.number().int()) })),
  /** The sources letters came from in the window, most first (the source filter offers them). */
  sources: z.array(z.object({ topic: z.string(), count: z.number().int() })),
});
export type TDeadLetterCounts = z.infer<typeof ZDeadLetterCounts>;

/** At most this many letters per replay or handle request (one page of the list, selected). */
export const DEAD_LETTER_ACTION_MAX = 100;
export const DEAD_LETTER_NOTE_MAX_CHARS = 1000;

const ZDeadLetterIds = z.array(z.uuid()).min(1).max(DEAD_LETTER_ACTION_MAX);

export const ZReplayDeadLettersRequest = z.object({ ids: ZDeadLetterIds });

export const ZHandleDeadLettersRequest = z.object({
  ids: ZDeadLetterIds,
  note: z.string().trim().max(DEAD_LETTER_NOTE_MAX_CHARS).optional(),
});
export type THandleDeadLettersRequest = z.infer<typeof ZHandleDeadLettersRequest>;

/** Per letter: what the request did with it, and in words why not when it did nothing. */
export const ZDeadLetterActionResult = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      outcome: z.enum(["replayed", "handled", "not_found", "not_replayable", "already_handled", "failed"]),
      detail: z.string().nullable(),
    }),
  ),
});
export type TDeadLetterActionResult = z.infer<typeof ZDeadLetterActionResult>;
