import { describe, expect, it } from "vitest";
import { outboxStateLabel, outboxStateOf } from "./outbox-state";

describe("outbox state of a queued crew action", () => {
  it.each([
    [{ status: "pending", isPaused: true }, "queued"],
    [{ status: "pending", isPaused: false }, "sending"],
    [{ status: "success", isPaused: false }, "sent"],
    [{ status: "error", isPaused: false }, "failed"],
    [{ status: "idle", isPaused: false }, "queued"],
  ] as const)("maps %o to %s", (mutation, expected) => {
    expect(outboxStateOf(mutation)).toBe(expected);
  });

  it("says why a paused action waits", () => {
    expect(outboxStateLabel("queued", { online: false, error: null })).toBe("Queued (offline)");
    // Online and paused: waiting for the action ahead of it in the queue.
    expect(outboxStateLabel("queued", { online: true, error: null })).toBe("Queued");
  });

  it("labels sending, sent and failed with the server's message", () => {
    expect(outboxStateLabel("sending", { online: true, error: null })).toBe("Sending…");
    expect(outboxStateLabel("sending", { online: true, error: null, failedAttempts: 2 })).toBe("Sending… (attempt 3)");
    expect(outboxStateLabel("sent", { online: true, error: null })).toBe("Sent ✓");
    expect(outboxStateLabel("failed", { online: true, error: "E-1 is Available and cannot go en route" })).toBe(
      "Failed: E-1 is Available and cannot go en route",
    );
  });
});
