import { describe, expect, it } from "vitest";
import { buildParking, estimateCapacity } from "./build-parking";
import { fixtureTown } from "./fixture-town";
import { readOsm } from "./read-osm";

describe("buildParking", () => {
  it("sizes lots at ~25 m² a space, clamped to 10..800, unless tagged", () => {
    expect(estimateCapacity({}, 2_500)).toBe(100);
    expect(estimateCapacity({}, 40)).toBe(10);
    expect(estimateCapacity({}, 1_000_000)).toBe(800);
    expect(estimateCapacity({ capacity: "42" }, 2_500)).toBe(42);
  });

  it("turns areas into centroids and nodes into points, naming unnamed lots", () => {
    const lots = buildParking(
      readOsm(
        fixtureTown(({ node, at }) => {
          node(at(0.5, 0.5), { amenity: "parking", name: "Depot Lot", capacity: "30" });
        }),
      ),
    );
    expect(lots).toHaveLength(2);
    const [depot, area] = lots;
    expect(depot).toMatchObject({ name: "Depot Lot", capacity: 30 });
    expect(area.name).toBe("Parking 1");
    // The fixture lot is a ~67 m × 89 m square.
    expect(area.capacity).toBeGreaterThan(200);
    expect(area.capacity).toBeLessThan(260);
    expect(area.id).toMatch(/^parking-w\d+$/);
  });
});
