import type { MutationStatus } from "@tanstack/react-query";

export const OUTBOX_STATES = ["queued", "sending", "sent", "failed"] as const;
export type TOutboxState = (typeof OUTBOX_STATES)[number];

/**
 * A queued crew action as the outbox shows it. A paused mutation waits for the network, or (online)
 * for the action before it in the queue: both are "queued".
 */
export function outboxStateOf({ status, isPaused }: { status: MutationStatus; isPaused: boolean }): TOutboxState {
  switch (status) {
    case "success":
      return "sent";
    case "error":
      return "failed";
    case "pending":
      return isPaused ? "queued" : "sending";
    case "idle":
      return "queued";
  }
}

type TLabelContext = {
  online: boolean;
  /** The server's message once it failed. */
  error: string | null;
  /** Failed attempts so far while still being sent (a lost connection, a server error). */
  failedAttempts?: number;
};

export function outboxStateLabel(state: TOutboxState, { online, error, failedAttempts = 0 }: TLabelContext): string {
  switch (state) {
    case "queued":
      return online ? "Queued" : "Queued (offline)";
    case "sending":
      return failedAttempts > 0 ? `Sending… (attempt ${failedAttempts + 1})` : "Sending…";
    case "sent":
      return "Sent ✓";
    case "failed":
      return `Failed: ${error ?? "unknown error"}`;
  }
}
