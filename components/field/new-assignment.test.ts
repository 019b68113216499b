import { describe, expect, it } from "vitest";
import { isNewAssignment } from "./new-assignment";
import { positionSendDelay } from "./position-throttle";

describe("a new assignment alert", () => {
  it("is not raised for what the page opens with", () => {
    expect(isNewAssignment(undefined, "inc-1")).toBe(false);
  });

  it("is raised when a job arrives or replaces the one shown", () => {
    expect(isNewAssignment(null, "inc-1")).toBe(true);
    expect(isNewAssignment("inc-1", "inc-2")).toBe(true);
  });

  it("is not raised for a refresh of the same job or its end", () => {
    expect(isNewAssignment("inc-1", "inc-1")).toBe(false);
    expect(isNewAssignment("inc-1", null)).toBe(false);
  });
});

describe("position sending pace", () => {
  it("sends the first position at once, then at most every 5 s", () => {
    expect(positionSendDelay(null, 10_000)).toBe(0);
    expect(positionSendDelay(10_000, 11_500)).toBe(3_500);
    expect(positionSendDelay(10_000, 15_000)).toBe(0);
    expect(positionSendDelay(10_000, 60_000)).toBe(0);
  });
});
