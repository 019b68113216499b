import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/seeded-random";
import { buildRoadSegments } from "./build-road-segments";
import { fixtureTown } from "./fixture-town";
import { haversineM } from "@/lib/geo";
import { generateStations } from "./generate-stations";
import { readOsm } from "./read-osm";
import { townCenter } from "./town-shape";

function stations(extra?: Parameters<typeof fixtureTown>[0], seed = 1) {
  const osm = readOsm(fixtureTown(extra));
  return generateStations(osm, buildRoadSegments(osm), { townName: "Fixture", center: townCenter(osm) }, createRandom(seed));
}

describe("generateStations", () => {
  it("uses the mapped fire station and puts police in the town hall when no police station is mapped", () => {
    const list = stations();
    expect(list.find((s) => s.type === "fire")?.name).toBe("Fixture Fire Department");
    const police = list.find((s) => s.type === "police")!;
    expect(police.name).toBe("Fixture Police Department");
    expect(police.id).toBe("station-police-1");
  });

  it("prefers a mapped police station and hospital", () => {
    const list = stations(({ node, at }) => {
      node(at(1, 1), { amenity: "police", name: "Fixture PD" });
      node(at(2, 2), { amenity: "hospital", name: "Fixture General" });
    });
    expect(list.filter((s) => s.type === "police").map((s) => s.name)).toEqual(["Fixture PD"]);
    expect(list.filter((s) => s.type === "ems").map((s) => s.name)).toEqual(["Fixture General"]);
  });

  it("generates the missing ones: EMS away from the fire station, public works in the industrial area", () => {
    const list = stations();
    const fire = list.find((s) => s.type === "fire")!;
    const ems = list.find((s) => s.type === "ems")!;
    expect(haversineM(fire.position, ems.position)).toBeGreaterThan(300);
    expect(list.find((s) => s.type === "sanitation")?.name).toBe("Fixture Public Works Yard");
    expect(list.map((s) => s.type).sort()).toEqual(["ems", "fire", "police", "sanitation", "utility"]);
  });

  it("is deterministic per seed", () => {
    expect(stations(undefined, 5)).toEqual(stations(undefined, 5));
  });
});
