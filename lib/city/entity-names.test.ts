import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { indexEntities } from "./entity-index";
import { describePlace, entityName } from "./entity-names";

const index = indexEntities(TINY_CITY);

describe("names people use", () => {
  it("names each kind of entity as people say it, never by its id", () => {
    expect(entityName(index, "traffic", "seg-db")).toBe("Side St");
    expect(entityName(index, "parking", "parking-1")).toBe("Town Hall Lot");
    expect(entityName(index, "waste", "bin-2")).toBe("Bin on Side St");
    expect(entityName(index, "energy", "sub-1")).toBe("North Substation");
    expect(entityName(index, "energy", "feeder-1")).toBe("Feeder 1");
    expect(entityName(index, "units", "unit-e1")).toBe("E-1");
    expect(entityName(index, "traffic", "seg-unknown")).toBeNull();
  });

  it("describes a point by the nearest named street, and not at all when none is near", () => {
    const onMainSt = TINY_CITY.segments.find((s) => s.id === "seg-ab")!.coords[0]!;
    expect(describePlace(index, onMainSt)).toBe("near Main St");
    expect(describePlace(index, [0, 0])).toBeNull();
  });
});
