import { describe, expect, it } from "vitest";
import { buildBasemap } from "./build-basemap";
import { FIXTURE_SIZE, fixtureTown } from "./fixture-town";
import { ringAreaM2 } from "@/lib/geo";
import { readOsm } from "./read-osm";

describe("buildBasemap", () => {
  const map = buildBasemap(
    readOsm(
      fixtureTown(({ square, at }) => {
        square(...at(1, 1), 0.002, { leisure: "park", name: "Big Park" });
        square(...at(1, 1), 0.0005, { amenity: "school", name: "Small School" });
      }),
    ),
  );

  it("draws every highway, footways included, with its class and name", () => {
    const classes = map.roads.features.map((f) => f.properties.class);
    expect(classes).toContain("footway");
    expect(classes.filter((c) => c === "residential")).toHaveLength(2 * FIXTURE_SIZE - 2);
    expect(map.roads.features.find((f) => f.properties.class === "primary")?.properties.name).toBe("Main Street");
  });

  it("keeps buildings as polygons and water from multipolygon relations", () => {
    expect(map.buildings.features).toHaveLength((FIXTURE_SIZE - 1) ** 2);
    expect(map.buildings.features.every((f) => f.geometry.type === "Polygon")).toBe(true);
    expect(map.water.features).toEqual([expect.objectContaining({ properties: { kind: "water", name: "Fixture Pond" } })]);
  });

  it("orders land use largest first so small areas draw on top", () => {
    const kinds = map.landuse.features.map((f) => f.properties.kind);
    expect(kinds.indexOf("park")).toBeLessThan(kinds.indexOf("school"));
    const areas = map.landuse.features.map((f) => (f.geometry.type === "Polygon" ? ringAreaM2(f.geometry.coordinates[0]) : 0));
    expect([...areas].sort((a, b) => b - a)).toEqual(areas);
  });

  it("labels named places only, civic ones first", () => {
    const names = map.pois.features.map((f) => f.properties.name).sort();
    expect(names).toEqual(["Big Park", "Fixture Fire Department", "Fixture Town Hall", "Small School"]);
    expect(map.pois.features.find((f) => f.properties.kind === "fire_station")?.properties.rank).toBe(1);
  });

  it("rounds coordinates to 6 decimals", () => {
    const json = JSON.stringify(map);
    expect(json).not.toMatch(/\d\.\d{7,}/);
  });
});
