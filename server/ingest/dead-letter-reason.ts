import type { TDeadLetterReasonKind } from "@/lib/contracts/dead-letters";

/** validate-message.ts and pipeline.ts open every reason with one of these; the rest of it quotes the message. */
const KIND_BY_PREFIX: readonly (readonly [string, TDeadLetterReasonKind])[] = [
  ["empty message", "empty"],
  ["message too large", "too_large"],
  ["invalid JSON", "invalid_json"],
  ["schema", "schema"],
  ["wrong topic", "wrong_topic"],
  ["unknown entity", "unknown_entity"],
  ["assetKind mismatch", "asset_kind_mismatch"],
  ["observedAt", "time"],
  ["failed while applying", "apply_failed"],
];

/** The reason's group, for filters and counts (the migration classifies older rows the same way). */
export function classifyDeadLetterReason(reason: string): TDeadLetterReasonKind {
  return KIND_BY_PREFIX.find(([prefix]) => reason.startsWith(prefix))?.[1] ?? "other";
}
