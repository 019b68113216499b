import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { ZONE_NAMES } from "@/lib/zones";
import { cityBounds, zoneName, type TBounds } from "./zones";

const BOUNDS: TBounds = [0, 0, 3, 3];

describe("zones", () => {
  it("names the nine cells of a 3×3 grid, north at the top", () => {
    expect(zoneName(BOUNDS, [0.5, 2.5])).toBe("North-West");
    expect(zoneName(BOUNDS, [1.5, 2.5])).toBe("North");
    expect(zoneName(BOUNDS, [1.5, 1.5])).toBe("Central");
    expect(zoneName(BOUNDS, [2.5, 1.5])).toBe("East");
    expect(zoneName(BOUNDS, [2.5, 0.5])).toBe("South-East");
  });

  it("puts the edges and anything outside into the nearest edge cell", () => {
    expect(zoneName(BOUNDS, [3, 3])).toBe("North-East");
    expect(zoneName(BOUNDS, [-10, -10])).toBe("South-West");
    expect(zoneName([1, 1, 1, 1], [1, 1])).toBe("Central");
  });

  it("derives the bounds from the city pack", () => {
    expect(cityBounds(TINY_CITY)).toEqual([-85.64, 41.937, -85.63, 41.946]);
  });
});

describe("zone names", () => {
  it("lists the nine zones the grid hands out, north-west first", () => {
    expect(ZONE_NAMES).toEqual(["North-West", "North", "North-East", "West", "Central", "East", "South-West", "South", "South-East"]);
  });
});
