import { describe, expect, it } from "vitest";
import { ZDomainDefinition } from "@/lib/contracts/domain-definition";
import { DOMAIN_SCALE_COLOR, DOMAIN_STATUS_COLOR, rgbaOf, rgbOf } from "@/lib/design/tokens";
import air from "@/lib/domains/definitions/air-quality.json";
import lights from "@/lib/domains/definitions/street-lighting.json";
import { NO_DATA_RGBA } from "./color-scales";
import { declaredColor, declaredRamp } from "./declared-domain-layer";

const airQuality = ZDomainDefinition.parse(air);
const streetLighting = ZDomainDefinition.parse(lights);
const reading = (fields: Record<string, string | number>) => ({
  id: "e",
  entityId: "s",
  observedAt: "2026-12-03T00:00:00Z",
  type: "X",
  ...fields,
});

describe("declared domain colours", () => {
  it("spreads the palette over the definition's stops: the first and last stops take its ends", () => {
    const ramp = declaredRamp(airQuality)!;
    expect(ramp.map(([at]) => at)).toEqual([0, 15, 45, 75]);
    expect(ramp[0]![1]).toEqual(rgbOf(DOMAIN_SCALE_COLOR.sequential[0]));
    expect(ramp.at(-1)![1]).toEqual(rgbOf(DOMAIN_SCALE_COLOR.sequential.at(-1)!));
    expect(declaredColor(airQuality, ramp, reading({ pm25: 500 })).slice(0, 3)).toEqual([...rgbOf(DOMAIN_SCALE_COLOR.sequential.at(-1)!)]);
  });

  it("colours a status by its tone, and a sensor without a reading as no data", () => {
    expect(declaredColor(streetLighting, null, reading({ powerState: "fault" }))).toEqual(rgbaOf(DOMAIN_STATUS_COLOR.critical, 235));
    expect(declaredColor(streetLighting, null, reading({ powerState: "unknownValue" }))).toEqual(rgbaOf(DOMAIN_STATUS_COLOR.muted, 235));
    expect(declaredColor(streetLighting, null, undefined)).toEqual(NO_DATA_RGBA);
    expect(declaredColor(airQuality, declaredRamp(airQuality), reading({ pm10: 3 }))).toEqual(NO_DATA_RGBA);
  });
});
