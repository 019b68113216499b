import { describe, expect, it } from "vitest";
import { clampMinute, isoToMinute, minuteRangeOf, minuteToIso, PLAYBACK_SPEEDS, speedIntervalMs, stepMinute } from "./playback-clock";

const range = minuteRangeOf({ from: "2026-11-24T10:00:00.000Z", to: "2026-11-24T10:10:00.000Z" })!;

describe("playback clock", () => {
  it("advances one recorded minute per real minute at 1× and one per second at 60×", () => {
    expect(PLAYBACK_SPEEDS.map(speedIntervalMs)).toEqual([60_000, 12_000, 4_000, 1_000]);
  });

  it("counts whole minutes, dropping seconds", () => {
    expect(isoToMinute("2026-11-24T10:03:59.999Z")).toBe(isoToMinute("2026-11-24T10:03:00Z"));
    expect(minuteToIso(isoToMinute("2026-11-24T11:03:40+01:00"))).toBe("2026-11-24T10:03:00.000Z");
  });

  it("has no range until something is recorded", () => {
    expect(minuteRangeOf({ from: null, to: null })).toBeNull();
    expect(minuteRangeOf(undefined)).toBeNull();
    expect(range.last - range.first).toBe(10);
  });

  it("clamps a minute into the recorded range", () => {
    expect(clampMinute(range.first - 5, range)).toBe(range.first);
    expect(clampMinute(range.last + 5, range)).toBe(range.last);
    expect(clampMinute(range.first + 3.7, range)).toBe(range.first + 3);
  });

  it("steps within the range and stops past its end", () => {
    expect(stepMinute(range.first, 1, range)).toBe(range.first + 1);
    expect(stepMinute(range.first, -1, range)).toBe(range.first);
    expect(stepMinute(range.last - 1, 1, range)).toBe(range.last);
    expect(stepMinute(range.last, 1, range)).toBeNull();
  });
});
