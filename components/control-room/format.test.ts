import { describe, expect, it } from "vitest";
import { formatAge, formatPower, formatVoltage, humanize } from "./format";

describe("format", () => {
  it("formats ages the way operators read them", () => {
    expect(formatAge(400)).toBe("just now");
    expect(formatAge(12_300)).toBe("12 s ago");
    expect(formatAge(4 * 60_000 + 5_000)).toBe("4 min ago");
    expect(formatAge(2 * 3_600_000)).toBe("2 h ago");
    expect(formatAge(3 * 86_400_000)).toBe("3 d ago");
  });

  it("switches power and voltage units at a thousand", () => {
    expect(formatPower(850)).toBe("850 kW");
    expect(formatPower(7_250)).toBe("7.3 MW");
    expect(formatVoltage(13_800)).toBe("13.8 kV");
  });

  it("humanizes camelCase enum values", () => {
    expect(humanize("enRoute")).toBe("En route");
    expect(humanize("outOfService")).toBe("Out of service");
  });
});
