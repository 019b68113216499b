import { describe, expect, it } from "vitest";
import { describeDays, describeExpiry, describeMatchers, describeWindow } from "./silence-labels";

describe("silence labels", () => {
  it("name what a silence covers, with the rule's name when known", () => {
    expect(describeMatchers({ ruleId: "waste.bin-burning", domain: "waste" }, new Map([["waste.bin-burning", "Bin on fire"]]))).toBe(
      "Rule Bin on fire · Waste",
    );
    expect(describeMatchers({ zone: "Old Town", entityId: "bin-7" })).toBe("Zone Old Town · Entity bin-7");
  });

  it("read days as runs or lists", () => {
    expect(describeDays([1, 2, 3, 4, 5])).toBe("Mon–Fri");
    expect(describeDays([0, 1, 2, 3, 4, 5, 6])).toBe("Every day");
    expect(describeDays([6, 1, 3])).toBe("Mon, Wed, Sat");
    expect(describeDays([6, 0])).toBe("Sat, Sun");
  });

  it("say when a recurring window runs overnight, and in which time zone", () => {
    expect(
      describeWindow({
        kind: "recurring",
        days: [1, 2, 3, 4, 5],
        from: "22:00",
        to: "06:00",
        timeZone: "Europe/Berlin",
        until: "2027-01-01T00:00:00Z",
      }),
    ).toBe("Mon–Fri 22:00–06:00 (overnight), Europe/Berlin");
  });

  it("count down the minutes to expiry", () => {
    const now = Date.parse("2026-12-03T10:00:00Z");
    expect(describeExpiry({ endsAt: "2026-12-03T10:12:30Z" }, now)).toBe("Expires in 13 min");
    expect(describeExpiry({ endsAt: "2026-12-03T09:59:00Z" }, now)).toBe("Expires now");
  });
});
