import { describe, expect, it } from "vitest";
import { describePolicyMatchers, describeShift } from "./on-call-labels";

describe("on-call labels", () => {
  it("says shift lengths in the largest whole unit", () => {
    expect(describeShift(480)).toBe("8 h");
    expect(describeShift(24 * 60)).toBe("1 day");
    expect(describeShift(3 * 24 * 60)).toBe("3 days");
    expect(describeShift(7 * 24 * 60)).toBe("1 week");
    expect(describeShift(45)).toBe("45 min");
    expect(describeShift(90)).toBe("1 h 30 min");
  });

  it("says what a policy covers, or that it covers everything", () => {
    expect(describePolicyMatchers({})).toBe("Every alert");
    expect(describePolicyMatchers({ severity: "critical", zone: "B2" })).toBe("Critical · zone B2");
  });
});
