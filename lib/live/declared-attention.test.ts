import { describe, expect, it } from "vitest";
import { ZDomainDefinition, type TDomainDefinitionInput } from "@/lib/contracts/domain-definition";
import air from "@/lib/domains/definitions/air-quality.json";
import lights from "@/lib/domains/definitions/street-lighting.json";
import water from "@/lib/domains/definitions/water-network.json";
import { declaredLevelRule } from "./declared-attention";

const airQuality = ZDomainDefinition.parse(air);
const streetLighting = ZDomainDefinition.parse(lights);
const waterNetwork = ZDomainDefinition.parse(water);
const reading = (fields: Record<string, string | number>) => ({
  id: "e",
  entityId: "s",
  observedAt: "2026-12-03T00:00:00Z",
  type: "X",
  ...fields,
});
const clean = { pm25: 8, pm10: 20, no2: 20, o3: 60 };

describe("a declared reading's attention level, from its definition", () => {
  it("grades a threshold rule by its severity past the opening value and one level below in the hysteresis band", () => {
    const levelOf = declaredLevelRule(airQuality)!;
    expect(levelOf(reading(clean))).toBe(0);
    expect(levelOf(reading({ ...clean, pm25: 30 }))).toBe(1); // major rule's band: 30 ≤ pm25 < 45
    expect(levelOf(reading({ ...clean, pm25: 45 }))).toBe(2);
    expect(levelOf(reading({ ...clean, pm10: 135 }))).toBe(1); // minor rule past its value
    expect(levelOf(reading({ ...clean, pm10: 135, pm25: 60 }))).toBe(2); // the worst rule wins
  });

  it("reads an opening-below rule the other way round", () => {
    const levelOf = declaredLevelRule(waterNetwork)!;
    expect(levelOf(reading({ pressure: 3.6, flow: 60 }))).toBe(0);
    expect(levelOf(reading({ pressure: 2.5, flow: 60 }))).toBe(1);
    expect(levelOf(reading({ pressure: 1.4, flow: 140 }))).toBe(2);
  });

  it("takes a status colour's tone and a night-only status rule one level below its severity", () => {
    const levelOf = declaredLevelRule(streetLighting)!;
    expect(levelOf(reading({ powerState: "on" }))).toBe(0);
    expect(levelOf(reading({ powerState: "off" }))).toBe(1);
    expect(levelOf(reading({ powerState: "fault" }))).toBe(3); // drawn in the critical colour
  });

  it("gives no level for a definition with neither a graded rule nor a graded colour", () => {
    const input = structuredClone(air) as TDomainDefinitionInput;
    input.rules = input.rules.filter((rule) => rule.kind === "stale");
    expect(declaredLevelRule(ZDomainDefinition.parse(input))).toBeNull();
  });
});
