import { describe, expect, it } from "vitest";
import { dateInputsToRange, kpiApiUrl, kpiFiltersToSearch, parseKpiFilters, rangeToDateInputs, resolveKpiRange } from "./kpi-filters";

const NOW = Date.parse("2026-05-10T12:34:56.789Z");

describe("the /kpis view in the URL", () => {
  it("round-trips presets, custom ranges, types and zone through the query string", () => {
    const views = [
      "range=30d&type=fire,medical&zone=North-West",
      "from=2026-03-01T05%3A00%3A00.000Z&to=2026-03-08T05%3A00%3A00.000Z&zone=Central",
      "range=1y",
      "type=hazard",
      "",
    ];
    for (const search of views) {
      expect(kpiFiltersToSearch(parseKpiFilters(new URLSearchParams(search)))).toBe(search);
    }
    expect(parseKpiFilters(new URLSearchParams(views[0]))).toEqual({
      range: { kind: "preset", preset: "30d" },
      types: ["fire", "medical"],
      zone: "North-West",
    });
    expect(parseKpiFilters({ from: "2026-03-01T00:00:00-05:00", to: ["2026-03-08T00:00:00-05:00", "ignored"] }).range).toEqual({
      kind: "custom",
      from: "2026-03-01T05:00:00.000Z",
      to: "2026-03-08T05:00:00.000Z",
    });
  });

  it("falls back to the last 7 days and drops what it does not know", () => {
    expect(parseKpiFilters(new URLSearchParams("range=5y&type=alien,fire,,fire&zone=%20%20"))).toEqual({
      range: { kind: "preset", preset: "7d" },
      types: ["fire"],
    });
    // Backwards, half or unreadable custom ranges are not ranges.
    for (const search of ["from=2026-03-08T00:00:00Z&to=2026-03-01T00:00:00Z", "from=2026-03-08T00:00:00Z", "from=yesterday&to=today"]) {
      expect(parseKpiFilters(new URLSearchParams(search)).range).toEqual({ kind: "preset", preset: "7d" });
    }
    // Types keep the contract's order, whatever order the link had.
    expect(kpiFiltersToSearch(parseKpiFilters(new URLSearchParams("type=medical,fire")))).toBe("type=fire,medical");
  });

  it("resolves a preset to whole minutes ending after now, so the same minute asks the same question", () => {
    expect(resolveKpiRange({ kind: "preset", preset: "24h" }, NOW)).toEqual({
      from: "2026-05-09T12:35:00.000Z",
      to: "2026-05-10T12:35:00.000Z",
    });
    expect(resolveKpiRange({ kind: "preset", preset: "1y" }, NOW + 3_000)).toEqual({
      from: "2025-05-10T12:35:00.000Z",
      to: "2026-05-10T12:35:00.000Z",
    });
    const custom = { kind: "custom" as const, from: "2026-01-01T00:00:00.000Z", to: "2026-02-01T00:00:00.000Z" };
    expect(resolveKpiRange(custom, NOW)).toEqual({ from: custom.from, to: custom.to });
  });

  it("builds the API URL with the resolved range and the filters", () => {
    expect(kpiApiUrl({ range: { kind: "preset", preset: "7d" }, types: ["fire", "wasteFire"], zone: "South" }, NOW)).toBe(
      "/api/history/kpis?from=2026-05-03T12%3A35%3A00.000Z&to=2026-05-10T12%3A35%3A00.000Z&type=fire%2CwasteFire&zone=South",
    );
    expect(kpiApiUrl({ range: { kind: "preset", preset: "7d" }, types: [] }, NOW)).toBe(
      "/api/history/kpis?from=2026-05-03T12%3A35%3A00.000Z&to=2026-05-10T12%3A35%3A00.000Z",
    );
  });

  it("turns two calendar days into a range covering both, and back", () => {
    const range = dateInputsToRange("2026-03-01", "2026-03-10")!; // across the spring daylight-saving change in many zones
    const [from, to] = [new Date(range.from), new Date(range.to)];
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours(), from.getMinutes()]).toEqual([2026, 2, 1, 0, 0]);
    expect([to.getFullYear(), to.getMonth(), to.getDate(), to.getHours(), to.getMinutes()]).toEqual([2026, 2, 11, 0, 0]);
    expect(rangeToDateInputs(range)).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    expect(rangeToDateInputs(dateInputsToRange("2026-03-05", "2026-03-05")!)).toEqual({ from: "2026-03-05", to: "2026-03-05" });

    expect(dateInputsToRange("2026-03-10", "2026-03-01")).toBeNull();
    expect(dateInputsToRange("", "2026-03-01")).toBeNull();
    expect(dateInputsToRange("2026-02-30", "2026-03-01")).toBeNull();
  });
});
