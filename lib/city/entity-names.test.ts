import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ZCityEntities, type TCityEntities } from "@/lib/contracts/city-pack";
import { LAYERS, type TLayer } from "@/lib/contracts/layers";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { indexEntities, type TEntityIndex } from "./entity-index";
import { describePlace, entityKindLabel, entityName, nearestStreet } from "./entity-names";

const index = indexEntities(TINY_CITY);

/** How entityName named built-in entities when it was a switch per domain: the files must name them alike. */
function namedBeforeTheFiles(index: TEntityIndex, domain: TLayer, entityId: string): string | null {
  switch (domain) {
    case "traffic": {
      const segment = index.segments.get(entityId);
      return segment ? (segment.name ?? describePlace(index, segment.coords[0]!) ?? "Unnamed road") : null;
    }
    case "parking":
      return index.parking.get(entityId)?.name ?? null;
    case "waste": {
      const bin = index.bins.get(entityId);
      if (!bin) return null;
      const street = bin.street ?? nearestStreet(index, bin.position);
      return street ? `Bin on ${street}` : "Litter bin";
    }
    case "energy":
      return index.substations.get(entityId)?.name ?? index.feeders.get(entityId)?.name ?? null;
    case "units":
      return index.units.get(entityId)?.callSign ?? null;
  }
}

function idsOf(entities: TCityEntities): string[] {
  return [...entities.segments, ...entities.parking, ...entities.bins, ...entities.substations, ...entities.feeders, ...entities.units]
    .map((e) => e.id)
    .concat(["nobody", "__proto__"]);
}

describe("names people use", () => {
  it("names each kind of entity as people say it, never by its id", () => {
    expect(entityName(index, "traffic", "seg-db")).toBe("Side St");
    expect(entityName(index, "parking", "parking-1")).toBe("Town Hall Lot");
    expect(entityName(index, "waste", "bin-2")).toBe("Bin on Side St");
    expect(entityName(index, "energy", "sub-1")).toBe("North Substation");
    expect(entityName(index, "energy", "feeder-1")).toBe("Feeder 1");
    expect(entityName(index, "units", "unit-e1")).toBe("E-1");
    expect(entityName(index, "traffic", "seg-unknown")).toBeNull();
    expect(entityName(index, "parking", "bin-1")).toBeNull();
  });

  it("falls back as the files say: a road by its nearest street, then 'Unnamed road'; a bin by its nearest street, then 'Litter bin'", () => {
    const seg = TINY_CITY.segments.find((s) => s.id === "seg-db")!;
    const bin = TINY_CITY.bins[0]!;
    const nameless = indexEntities({
      ...TINY_CITY,
      segments: [
        ...TINY_CITY.segments,
        { ...seg, id: "seg-nameless", name: undefined },
        {
          ...seg,
          id: "seg-far",
          name: undefined,
          coords: [
            [0, 0],
            [0, 1],
          ],
        },
      ],
      bins: [
        { ...bin, id: "bin-nameless", street: undefined },
        { ...bin, id: "bin-far", street: undefined, position: [0, 0] },
      ],
    });
    expect(entityName(nameless, "traffic", "seg-nameless")).toBe("near Side St");
    expect(entityName(nameless, "traffic", "seg-far")).toBe("Unnamed road");
    expect(entityName(nameless, "waste", "bin-nameless")).toMatch(/^Bin on (Main|Side) St$/);
    expect(entityName(nameless, "waste", "bin-far")).toBe("Litter bin");
  });

  it("names every entity of the test city and of the shipped pack exactly as the code per domain did", () => {
    const pack = ZCityEntities.parse(JSON.parse(readFileSync("public/city/three-rivers/entities.json", "utf8")));
    for (const entities of [TINY_CITY, pack]) {
      const packIndex = indexEntities(entities);
      for (const id of idsOf(entities))
        for (const domain of LAYERS)
          expect(entityName(packIndex, domain, id), `${domain} ${id}`).toBe(namedBeforeTheFiles(packIndex, domain, id));
    }
  });

  it("titles each kind of entity from its domain's file, filling in its coded values as words", () => {
    expect(entityKindLabel(index, "segments", TINY_CITY.segments[0]!)).toBe(`Road · ${TINY_CITY.segments[0]!.roadClass}`);
    expect(entityKindLabel(index, "parking", TINY_CITY.parking[0]!)).toBe("Off-street parking");
    expect(entityKindLabel(index, "bins", TINY_CITY.bins[0]!)).toBe("Waste container");
    expect(entityKindLabel(index, "substations", TINY_CITY.substations[0]!)).toBe("Substation");
    expect(entityKindLabel(index, "feeders", TINY_CITY.feeders[0]!)).toBe("Feeder line");
    expect(entityKindLabel(index, "units", { ...TINY_CITY.units[0]!, type: "ems" })).toBe("EMS unit");
  });

  it("describes a point by the nearest named street, and not at all when none is near", () => {
    const onMainSt = TINY_CITY.segments.find((s) => s.id === "seg-ab")!.coords[0]!;
    expect(describePlace(index, onMainSt)).toBe("near Main St");
    expect(describePlace(index, [0, 0])).toBeNull();
  });
});
