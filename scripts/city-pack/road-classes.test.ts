import { describe, expect, it } from "vitest";
import { onewayDirection, parseMaxspeedKmh, roadAttributes, toRoadClass } from "./road-classes";

describe("road classes", () => {
  it("keeps drivable highways and drops the rest", () => {
    expect(toRoadClass("primary")).toBe("primary");
    expect(toRoadClass("secondary_link")).toBe("secondary");
    expect(toRoadClass("living_street")).toBe("residential");
    for (const h of ["footway", "path", "cycleway", "steps", "track", "pedestrian", undefined]) expect(toRoadClass(h)).toBeUndefined();
  });

  it("converts mph speed limits to km/h", () => {
    expect(parseMaxspeedKmh("35 mph")).toBeCloseTo(56.3, 1);
    expect(parseMaxspeedKmh("50")).toBe(50);
    expect(parseMaxspeedKmh("signals")).toBeUndefined();
  });

  it("reads oneway tags, including reversed ways", () => {
    expect(onewayDirection({ oneway: "yes" }, "residential")).toBe("forward");
    expect(onewayDirection({ oneway: "-1" }, "residential")).toBe("reverse");
    expect(onewayDirection({}, "motorway")).toBe("forward");
    expect(onewayDirection({}, "primary")).toBe("both");
  });

  it("derives capacity from lanes and class", () => {
    const main = roadAttributes({ lanes: "4", maxspeed: "30 mph" }, "primary");
    expect(main).toMatchObject({ lanes: 4, capacityVph: 4000 });
    expect(main.freeFlowKmh).toBeCloseTo(48.3, 1);
    expect(roadAttributes({ oneway: "yes" }, "residential").lanes).toBe(1);
    expect(roadAttributes({}, "residential").capacityVph).toBeGreaterThan(roadAttributes({}, "service").capacityVph);
  });
});
