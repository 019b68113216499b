import { describe, expect, it } from "vitest";
import { areaColor, meanLevel } from "./area-summary-layer";

describe("area summaries at city zoom", () => {
  const area = {
    layers: {
      traffic: [10, 6, 0, 0, 2] as [number, number, number, number, number],
      waste: [4, 0, 0, 4, 0] as [number, number, number, number, number],
    },
  };

  it("averages the attention level over the readings of the layers switched on only", () => {
    expect(meanLevel(area, new Set(["traffic"]))).toBeCloseTo(6 / 8);
    expect(meanLevel(area, new Set(["traffic", "waste"]))).toBeCloseTo((6 + 8) / 12);
    expect(meanLevel(area, new Set(["parking"]))).toBeNull();
  });

  it("covers the basemap more the worse an area is", () => {
    const fine = { layers: { waste: [2, 2, 0, 0, 0] as [number, number, number, number, number] } };
    const critical = { layers: { waste: [2, 0, 0, 0, 2] as [number, number, number, number, number] } };
    const shown = new Set(["waste"] as const);
    expect(areaColor(critical, shown)[3]).toBeGreaterThan(areaColor(fine, shown)[3]);
    expect(areaColor(critical, shown).slice(0, 3)).not.toEqual(areaColor(fine, shown).slice(0, 3));
  });
});
