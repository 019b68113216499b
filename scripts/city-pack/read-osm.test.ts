import { describe, expect, it } from "vitest";
import { isClosedWay, osmNumber, readOsm, wayCoords } from "./read-osm";

describe("readOsm", () => {
  const raw = {
    n2: { id: "n2", loc: [-85.63, 41.94] },
    n1: { id: "n1", loc: [-85.62, 41.95], tags: { amenity: "waste_basket" } },
    n3: { id: "n3", loc: [-85.61, 41.96] },
    w10: { id: "w10", nodes: ["n1", "n2", "n2", "n404", "n3"], tags: { highway: "residential" } },
    w9: { id: "w9", nodes: ["n1", "n2", "n3", "n1"] },
    r1: { id: "r1", members: [{ id: "w9", role: "outer", type: "way" }], tags: { type: "multipolygon" } },
  };

  it("splits entities by type, in numeric id order", () => {
    const osm = readOsm(raw);
    expect([...osm.nodes.keys()]).toEqual(["n1", "n2", "n3"]);
    expect([...osm.ways.keys()]).toEqual(["w9", "w10"]);
    expect(osm.relations.get("r1")?.members[0].id).toBe("w9");
    expect(osm.nodes.get("n1")?.tags.amenity).toBe("waste_basket");
    expect(osm.ways.get("w9")?.tags).toEqual({});
  });

  it("drops dangling and repeated node refs", () => {
    const osm = readOsm(raw);
    expect(osm.ways.get("w10")?.nodeIds).toEqual(["n1", "n2", "n3"]);
    expect(wayCoords(osm, osm.ways.get("w10")!)[2]).toEqual([-85.61, 41.96]);
  });

  it("recognises closed ways and strips id prefixes", () => {
    const osm = readOsm(raw);
    expect(isClosedWay(osm.ways.get("w9")!)).toBe(true);
    expect(isClosedWay(osm.ways.get("w10")!)).toBe(false);
    expect(osmNumber("w10")).toBe("10");
  });

  it("rejects input that is not an iD graph", () => {
    expect(() => readOsm({ x: { id: "banana" } })).toThrow();
    expect(() => readOsm({ n1: { id: "n1" } })).toThrow(/no loc/);
  });
});
