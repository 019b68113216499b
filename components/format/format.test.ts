import { describe, expect, it } from "vitest";
import { formatClock, formatDate, formatDateTime, formatWeekdayTime } from "./date-time";
import { formatDistance } from "./distance";
import { formatAge, formatEta } from "./duration";
import { humanize } from "./humanize";
import { formatPower, formatVoltage } from "./number";

describe("distance", () => {
  it.each([
    [0, "0 m"],
    [44, "40 m"],
    [846, "850 m"],
    [994, "990 m"],
    [996, "1.0 km"],
    [1_249, "1.2 km"],
    [1_849, "1.8 km"],
    [9_940, "9.9 km"],
    [9_960, "10 km"],
    [23_400, "23 km"],
    [1_234_000, "1,234 km"],
  ])("%d m reads %s", (metres, text) => {
    expect(formatDistance(metres)).toBe(text);
  });

  it("shows a dash for what is not a distance", () => {
    expect(formatDistance(Number.NaN)).toBe("—");
    expect(formatDistance(-5)).toBe("—");
  });
});

describe("ETA", () => {
  it.each([
    [0, "under 1 min"],
    [20, "under 1 min"],
    [31, "1 min"],
    [240, "4 min"],
    [270, "5 min"],
    [3_569, "59 min"],
    [3_600, "1 h 00 min"],
    [3_900, "1 h 05 min"],
  ])("%d s reads %s", (seconds, text) => {
    expect(formatEta(seconds)).toBe(text);
  });

  it("shows a dash for what is not a duration", () => {
    expect(formatEta(Number.NaN)).toBe("—");
    expect(formatEta(-1)).toBe("—");
  });
});

describe("age", () => {
  it("reads the way operators say it", () => {
    expect(formatAge(400)).toBe("just now");
    expect(formatAge(12_300)).toBe("12 s ago");
    expect(formatAge(4 * 60_000 + 5_000)).toBe("4 min ago");
    expect(formatAge(2 * 3_600_000)).toBe("2 h ago");
    expect(formatAge(3 * 86_400_000)).toBe("3 d ago");
  });
});

describe("date and time", () => {
  // Built from local parts, so the test holds in any time zone.
  const at = new Date(2026, 10, 24, 14, 2, 5).getTime();

  it("writes a 24-hour clock with or without seconds", () => {
    expect(formatClock(at)).toMatch(/^14.02.05$/);
    expect(formatClock(new Date(at).toISOString(), { withSeconds: false })).toMatch(/^14.02$/);
  });

  it("writes the date, with the time when asked", () => {
    expect(formatDate(at)).toContain("2026");
    expect(formatDateTime(at)).toContain("2026");
    expect(formatDateTime(at)).toMatch(/14.02.05/);
  });
});

describe("numbers and words", () => {
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

describe("date and time without seconds", () => {
  const at = new Date(2026, 10, 24, 14, 2, 5).getTime();

  it("writes periods and playback minutes on a 24-hour clock", () => {
    expect(formatDateTime(at, { withSeconds: false })).toMatch(/14.02$/);
    expect(formatWeekdayTime(at)).toMatch(/14.02$/);
  });
});
