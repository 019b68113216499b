import { describe, expect, it } from "vitest";
import { ZDomainDefinition, type TDomainDefinitionInput } from "@/lib/contracts/domain-definition";
import type { TCitySummaries, TLevelCounts } from "@/lib/contracts/realtime";
import air from "@/lib/domains/definitions/air-quality.json";
import lights from "@/lib/domains/definitions/street-lighting.json";
import { areaColor, areaSummaries, createAreaSummaryLayer, gradedDomains, meanLevel } from "./area-summary-layer";

const layersOnly = (layers: Iterable<"traffic" | "parking" | "waste">) => ({ layers: new Set(layers), domains: new Set<string>() });
const counts = (...c: TLevelCounts) => c;

describe("area summaries at city zoom", () => {
  const area = { layers: { traffic: counts(10, 6, 0, 0, 2), waste: counts(4, 0, 0, 4, 0) } };

  it("averages the attention level over the readings of the layers switched on only", () => {
    expect(meanLevel(area, layersOnly(["traffic"]))).toBeCloseTo(6 / 8);
    expect(meanLevel(area, layersOnly(["traffic", "waste"]))).toBeCloseTo((6 + 8) / 12);
    expect(meanLevel(area, layersOnly(["parking"]))).toBeNull();
  });

  it("covers the basemap more the worse an area is", () => {
    const fine = { layers: { waste: counts(2, 2, 0, 0, 0) } };
    const critical = { layers: { waste: counts(2, 0, 0, 0, 2) } };
    const shown = layersOnly(["waste"]);
    expect(areaColor(critical, shown)[3]).toBeGreaterThan(areaColor(fine, shown)[3]);
    expect(areaColor(critical, shown).slice(0, 3)).not.toEqual(areaColor(fine, shown).slice(0, 3));
  });
});

describe("declared domains in the area summaries", () => {
  const summaries: TCitySummaries = {
    at: "2026-12-04T08:00:00Z",
    tiles: [
      { tile: "4300/6100", layers: { waste: counts(4, 4, 0, 0, 0) }, declared: { "street-lighting": counts(6, 2, 0, 0, 4) } },
      { tile: "4301/6100", layers: { waste: counts(3, 3, 0, 0, 0) } },
    ],
  };

  it("gives the summary layer each tile's declared rows, and colours by them only while their domain is on", () => {
    const areas = areaSummaries(summaries);
    expect(areas[0]!.declared).toEqual({ "street-lighting": [6, 2, 0, 0, 4] });
    expect(areas[1]!.declared).toBeUndefined();
    const off = createAreaSummaryLayer(areas, new Set(["waste"]), true);
    const on = createAreaSummaryLayer(areas, new Set(["waste"]), true, new Set(["street-lighting"]));
    expect(on.props.data).toBe(areas);
    const fill = (layer: typeof on) => (layer.props.getFillColor as unknown as (a: (typeof areas)[number]) => number[])(areas[0]!);
    expect(meanLevel(areas[0]!, { layers: new Set(["waste"]), domains: new Set(["street-lighting"]) })).toBeCloseTo(12 / 10);
    expect(fill(on)).not.toEqual(fill(off));
    expect(on.props.updateTriggers.getFillColor).not.toEqual(off.props.updateTriggers.getFillColor);
  });

  it("colours by the declared domains whose definition grades a reading", () => {
    const definitions = [ZDomainDefinition.parse(air), ZDomainDefinition.parse(lights)];
    expect([...gradedDomains(definitions, new Set(["street-lighting"]))]).toEqual(["street-lighting"]);
    const ungraded = structuredClone(air) as TDomainDefinitionInput;
    ungraded.rules = ungraded.rules.filter((rule) => rule.kind === "stale");
    expect(gradedDomains([ZDomainDefinition.parse(ungraded)], new Set(["air-quality"])).size).toBe(0);
  });
});
