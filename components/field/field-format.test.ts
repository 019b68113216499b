import { describe, expect, it } from "vitest";
import { formatDistance, formatEta } from "./field-format";

describe("distance for the crew", () => {
  it.each([
    [0, "0 m"],
    [44, "40 m"],
    [846, "850 m"],
    [994, "990 m"],
    [996, "1.0 km"],
    [1_249, "1.2 km"],
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

describe("ETA for the crew", () => {
  it.each([
    [0, "under 1 min"],
    [29, "under 1 min"],
    [31, "1 min"],
    [240, "4 min"],
    [3_569, "59 min"],
    [3_600, "1 h 00 min"],
    [3_900, "1 h 05 min"],
  ])("%d s reads %s", (seconds, text) => {
    expect(formatEta(seconds)).toBe(text);
  });
});
