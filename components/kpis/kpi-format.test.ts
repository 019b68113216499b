import { describe, expect, it } from "vitest";
import type { TKpiFigure } from "@/lib/contracts/history";
import { formatShare, minutesInputToSeconds, secondsToMinutesInput, targetStatus, toMinutes } from "./kpi-format";

const figure = (p50: number | null, p90: number | null, target: number | null): TKpiFigure => ({
  metric: "mtta",
  count: p50 === null ? 0 : 10,
  p50Seconds: p50,
  p90Seconds: p90,
  targetSeconds: target,
  withinTarget: null,
});

describe("KPI formatting", () => {
  it("shows shares as whole percentages and minutes with one decimal", () => {
    expect([formatShare(0.756), formatShare(1), formatShare(0), formatShare(null)]).toEqual(["76 %", "100 %", "0 %", "—"]);
    expect([toMinutes(90), toMinutes(100), toMinutes(3600), toMinutes(null)]).toEqual([1.5, 1.7, 60, null]);
  });

  it("reads targets typed in minutes as whole seconds, and shows stored seconds so they read back unchanged", () => {
    expect(minutesInputToSeconds("4.5")).toEqual({ seconds: 270 });
    expect(minutesInputToSeconds(" 2,5 ")).toEqual({ seconds: 150 });
    expect(minutesInputToSeconds("")).toEqual({ seconds: null });
    expect(minutesInputToSeconds("10080")).toEqual({ seconds: 604_800 });
    for (const bad of ["abc", "0", "0.001", "-3", "10081"]) {
      expect(minutesInputToSeconds(bad)).toHaveProperty("error");
    }
    for (const seconds of [1, 7, 59, 100, 301, 3599, 86_399, 604_800]) {
      expect(minutesInputToSeconds(secondsToMinutesInput(seconds))).toEqual({ seconds });
    }
    expect([secondsToMinutesInput(90), secondsToMinutesInput(604_800), secondsToMinutesInput(null)]).toEqual(["1.5", "10080", ""]);
  });

  it("says whether a figure meets its target: by the 90th percentile, then the median", () => {
    expect(targetStatus(figure(60, 120, 120))).toBe("met");
    expect(targetStatus(figure(60, 121, 120))).toBe("partly");
    expect(targetStatus(figure(121, 200, 120))).toBe("missed");
    expect(targetStatus(figure(60, 120, null))).toBe("noTarget");
    expect(targetStatus(figure(null, null, 120))).toBe("noData");
  });
});
