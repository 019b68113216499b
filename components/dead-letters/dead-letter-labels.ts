import type { TDeadLetterReasonKind, TDeadLetterSource, TDeadLetterStatus, TDeadLetterView } from "@/lib/contracts/dead-letters";

export const REASON_KIND_LABEL: Record<TDeadLetterReasonKind, string> = {
  invalid_json: "Not valid JSON",
  schema: "Fields wrong or missing",
  unknown_entity: "Unknown sensor or unit",
  wrong_topic: "Sent on the wrong topic",
  asset_kind_mismatch: "Wrong kind of asset",
  time: "Observed at an impossible time",
  empty: "Empty message",
  too_large: "Message too large",
  apply_failed: "Failed while applying",
  other: "Other",
};

export const STATUS_LABEL: Record<TDeadLetterStatus, string> = { open: "Not handled", handled: "Handled", all: "All" };

const REPLAY_OUTCOME_LABEL = { pending: "Replayed, waiting for the result", accepted: "Replay accepted", failed: "Replay failed again" };

/** "Kafka city.waste · partition 2 · offset 1041", "MQTT city/waste/bin-7", "Simulator city.units". */
export function describeSource(source: TDeadLetterSource): string {
  const kind = source.kind === "mqtt" ? "MQTT" : source.kind === "kafka" ? "Kafka" : source.kind === "simulator" ? "Simulator" : null;
  const where = [kind ? `${kind} ${source.topic}` : source.topic];
  // The simulator's positions restart with every run: they identify nothing to a reader.
  if (source.kind === "kafka" && source.partition !== null) where.push(`partition ${source.partition}`);
  if (source.kind === "kafka" && source.offset !== null) where.push(`offset ${source.offset}`);
  return where.join(" · ");
}

/** "Replayed 2× · Replay failed again", or null when never replayed. */
export function describeReplays(letter: Pick<TDeadLetterView, "replayCount" | "replayOutcome">): string | null {
  if (letter.replayCount === 0) return null;
  const outcome = letter.replayOutcome ? REPLAY_OUTCOME_LABEL[letter.replayOutcome] : null;
  return [`Replayed ${letter.replayCount}×`, outcome].filter(Boolean).join(" · ");
}

/** "1.2 KB", "16 bytes". */
export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} ${bytes === 1 ? "byte" : "bytes"}` : `${(bytes / 1024).toFixed(1)} KB`;
}
