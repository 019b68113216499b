import { describe, expect, it } from "vitest";
import { analysisParamsToSearch, DEFAULT_ANALYSIS_PARAMS, parseAnalysisParams, pointsApiUrl, resolveRange } from "./analysis-params";

const NOW = Date.parse("2026-11-24T10:30:42Z");

describe("analysis URL params", () => {
  it("falls back to the defaults for missing and unknown values, and leaves defaults out of the URL", () => {
    expect(parseAnalysisParams(new URLSearchParams("mode=nope&kind=&style=pie&range=2d"))).toEqual(DEFAULT_ANALYSIS_PARAMS);
    expect(analysisParamsToSearch(DEFAULT_ANALYSIS_PARAMS)).toBe("");
  });

  it("round-trips a shared view", () => {
    const search = "mode=playback&kind=alerts&style=hexagon&range=custom&from=2026-01-01T00%3A00%3A00.000Z&to=2026-02-01T00%3A00%3A00.000Z";
    const params = parseAnalysisParams(new URLSearchParams(search));
    expect(params).toEqual({
      mode: "playback",
      kind: "alerts",
      style: "hexagon",
      range: "custom",
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-02-01T00:00:00.000Z",
    });
    expect(analysisParamsToSearch(params)).toBe(search);
  });

  it("drops a custom range without a start or ending before it starts", () => {
    expect(parseAnalysisParams({ range: "custom", to: "2026-02-01T00:00:00Z" }).range).toBe("7d");
    expect(parseAnalysisParams({ range: "custom", from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }).range).toBe("7d");
    expect(parseAnalysisParams({ range: "custom", from: "not a date" }).range).toBe("7d");
  });

  it("resolves presets to a range ending at the current minute, and an open custom range to now", () => {
    expect(resolveRange({ ...DEFAULT_ANALYSIS_PARAMS, range: "24h" }, NOW)).toEqual({
      from: "2026-11-23T10:30:00.000Z",
      to: "2026-11-24T10:30:00.000Z",
    });
    expect(resolveRange({ ...DEFAULT_ANALYSIS_PARAMS, range: "custom", from: "2026-11-01T00:00:00.000Z" }, NOW)).toEqual({
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-24T10:30:00.000Z",
    });
    expect(pointsApiUrl("alerts", { from: "a", to: "b" })).toBe("/api/history/points?kind=alerts&from=a&to=b");
  });
});
