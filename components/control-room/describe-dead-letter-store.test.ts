import { describe, expect, it } from "vitest";
import { describeDeadLetterStore } from "./describe-dead-letter-store";

const healthy = { waiting: 0, stored: 12, storedMinimal: 0, droppedAtBound: 0, unstorable: 0, unreachableSince: null };

describe("describeDeadLetterStore", () => {
  it("says nothing more while every dead letter is recorded", () => {
    expect(describeDeadLetterStore(healthy)).toEqual({ label: "dead letters", isTrouble: false });
    expect(describeDeadLetterStore(undefined).isTrouble).toBe(false);
  });

  it("names an outage, what waits and what was lost", () => {
    const text = describeDeadLetterStore({
      ...healthy,
      waiting: 40,
      droppedAtBound: 3,
      unstorable: 1,
      unreachableSince: "2026-12-02T14:02:17Z",
    });
    expect(text.isTrouble).toBe(true);
    expect(text.label).toMatch(
      /^dead letters · database unreachable since \d{2}:\d{2}:\d{2} · 40 waiting to be recorded · 4 not recorded$/,
    );
  });
});
