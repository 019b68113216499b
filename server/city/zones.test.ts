import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { ZONE_NAMES } from "@/lib/zones";
import { cityBounds } from "./zones";

describe("city bounds", () => {
  it("derives the bounds from the city pack", () => {
    expect(cityBounds(TINY_CITY)).toEqual([-85.64, 41.937, -85.63, 41.946]);
  });
});

describe("zone names", () => {
  it("lists the nine cells of the old grid (the zones seeded on a new database), north-west first", () => {
    expect(ZONE_NAMES).toEqual(["North-West", "North", "North-East", "West", "Central", "East", "South-West", "South", "South-East"]);
  });
});
