import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCityPack } from "@/server/city/load-city-pack";
import { checkEntities } from "@/scripts/city-pack/check-entities";
import { assetFixture, copyThreeRiversPack } from "@/test/fixtures/asset-pack";
import { formatPlan } from "./format-plan";
import { importAssets, type TImportAssetsOptions } from "./import-assets";
import { formatRowError } from "./row-error";

let pack: ReturnType<typeof copyThreeRiversPack>;
beforeEach(() => {
  pack = copyThreeRiversPack();
});
afterEach(() => pack.remove());

const run = (o: Pick<TImportAssetsOptions, "file" | "kind"> & Partial<TImportAssetsOptions>) =>
  importAssets({ packDir: pack.packDir, isDryRun: false, ...o });

async function errorsOf(o: Parameters<typeof run>[0]): Promise<string[]> {
  const before = pack.entitiesText();
  const result = await run(o);
  if (result.ok) throw new Error(`expected errors, got a plan: ${formatPlan(result.plan).join("\n")}`);
  expect(pack.entitiesText(), "nothing written").toBe(before);
  return result.errors.map(formatRowError);
}

const names = (changes: { asset: { id: string } }[]) => changes.map((change) => change.asset.id);

describe("importAssets into a copy of the Three Rivers pack", () => {
  it("adds and updates parking from CSV, matched by id, and the server loads the result", async () => {
    const result = await run({ file: assetFixture("parking-good.csv"), kind: "parking" });
    expect(result.ok && result.isWritten).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe("csv");
    expect(names(result.plan.added)).toEqual(["parking-new-1"]);
    expect(names(result.plan.updated)).toEqual(["parking-w13"]);
    expect(result.plan.updated[0]?.changedFields).toEqual(["capacity", "name"]);
    expect(names(result.plan.unchanged)).toEqual(["parking-w8"]);

    const { entities } = await loadCityPack("three-rivers", pack.publicDir);
    expect(checkEntities(entities)).toEqual([]);
    expect(entities.parking).toHaveLength(39);
    expect(entities.parking.find((p) => p.id === "parking-w13")).toEqual({
      id: "parking-w13",
      name: "Main Street Garage, Level 2",
      capacity: 80,
      position: [-85.635747, 41.943126],
    });
    // Updated in place: the pack's order (and so the simulator's) stays as it was.
    expect(entities.parking[1]?.id).toBe("parking-w13");
    expect(entities.parking.at(-1)).toEqual({ id: "parking-new-1", name: "Riverside Lot", capacity: 120, position: [-85.6301, 41.9455] });
    expect(entities.segments).toHaveLength(494);
  });

  it("reads bins from GeoJSON (the feature id stands in for a missing id property) and stations from NGSI-LD", async () => {
    const bins = await run({ file: assetFixture("bins-good.geojson"), kind: "bins" });
    expect(bins.ok && bins.format === "geojson" && names(bins.plan.added)).toEqual(["bin-new-1"]);
    const stations = await run({ file: assetFixture("stations-ngsi.json"), kind: "stations" });
    expect(stations.ok && stations.format === "ngsi-ld" && names(stations.plan.added)).toEqual(["station-fire-2", "station-utility-2"]);
    const { entities } = await loadCityPack("three-rivers", pack.publicDir);
    expect(entities.bins.at(-1)).toEqual({ id: "bin-new-1", street: "Main Street", position: [-85.6341, 41.9432], volumeL: 240 });
    expect(entities.stations.slice(-2).map((s) => [s.id, s.type, s.name])).toEqual([
      ["station-fire-2", "fire", "Three Rivers Fire Station 2"],
      ["station-utility-2", "utility", "South Utilities Depot"],
    ]);
  });

  it("reads OffStreetParking in normalized and keyValues forms, the read API's names", async () => {
    const result = await run({ file: assetFixture("parking-ngsi.json"), kind: "parking" });
    expect(result.ok).toBe(true);
    const { entities } = await loadCityPack("three-rivers", pack.publicDir);
    expect(entities.parking.find((p) => p.id === "parking-w8")?.capacity).toBe(60);
    expect(entities.parking.find((p) => p.id === "parking-ngsi-1")).toEqual({
      id: "parking-ngsi-1",
      name: "Depot Street Lot",
      capacity: 35,
      position: [-85.6322, 41.9471],
    });
  });

  it("imports substations", async () => {
    const file = path.join(pack.publicDir, "subs.csv");
    writeFileSync(
      file,
      "id,name,lon,lat,capacityKw,voltageV\nsub-1,North Substation,-85.638538,41.961558,9000,13200\nsub-9,East,-85.61,41.95,5000,13200\n",
    );
    const result = await run({ file, kind: "substations" });
    expect(result.ok && formatPlan(result.plan)).toEqual([
      "substations: 1 added, 1 updated, 0 unchanged",
      "  added      East (sub-9)",
      "  updated    North Substation (sub-1): capacityKw",
    ]);
  });

  it("a dry run reports the same plan and writes nothing", async () => {
    const before = pack.entitiesText();
    const result = await run({ file: assetFixture("parking-good.csv"), kind: "parking", isDryRun: true });
    expect(result.ok && !result.isWritten).toBe(true);
    expect(result.ok && formatPlan(result.plan)).toEqual([
      "parking: 1 added, 1 updated, 1 unchanged",
      "  added      Riverside Lot (parking-new-1)",
      "  updated    Main Street Garage, Level 2 (parking-w13): capacity, name",
      "  unchanged  Parking 1 (parking-w8)",
    ]);
    expect(pack.entitiesText()).toBe(before);
  });

  it("reports progress on a long file", async () => {
    const file = path.join(pack.publicDir, "many.csv");
    const rows = Array.from({ length: 12_000 }, (_, i) => `bin-many-${i},Long Street,-85.6${i % 10},41.9,120`);
    writeFileSync(file, `id,street,lon,lat,volumeL\n${rows.join("\n")}\n`);
    const lines: string[] = [];
    const result = await run({ file, kind: "bins", isDryRun: true, log: (line) => lines.push(line) });
    expect(result.ok && result.plan.added.length).toBe(12_000);
    expect(lines).toEqual(["checked 10,000 of 12,000 rows"]);
  });

  it("a file that changes nothing leaves entities.json untouched", async () => {
    const file = path.join(pack.publicDir, "same.csv");
    writeFileSync(file, "id,name,lon,lat,capacity\nparking-w8,Parking 1,-85.636911,41.942915,50\n");
    const before = pack.entitiesText();
    const result = await run({ file, kind: "parking" });
    expect(result.ok && !result.isWritten && result.plan.unchanged.length).toBe(1);
    expect(pack.entitiesText()).toBe(before);
  });
});

describe("importAssets: broken files write nothing and name every problem", () => {
  it("CSV: bad coordinates, a missing required field, a word for a number, a duplicate id, a short row", async () => {
    expect(await errorsOf({ file: assetFixture("parking-broken.csv"), kind: "parking" })).toEqual([
      "line 3, field lat: must be between -90 and 90",
      "line 5, field name: is required",
      "line 6, field lon: must be a number",
      "line 7, field id: parking-a is also on line 2",
      "line 8, field capacity: must be at least 1",
      "line 9: has 4 values but the header has 5 columns (id,name,lon,lat,capacity)",
    ]);
  });

  it("CSV: a wrong column", async () => {
    expect(await errorsOf({ file: assetFixture("parking-wrong-column.csv"), kind: "parking" })).toEqual([
      "line 1, field longitude: unknown column: parking takes id,name,lon,lat,capacity",
      "line 1, field lon: missing column: parking takes id,name,lon,lat,capacity",
    ]);
  });

  it("GeoJSON: a line instead of a point, a longitude out of range, a missing field, a duplicate id", async () => {
    expect(await errorsOf({ file: assetFixture("bins-broken.geojson"), kind: "bins" })).toEqual([
      "feature 2, field geometry: must be a Point with [lon, lat], not LineString",
      "feature 3, field geometry.coordinates[0]: must be between -180 and 180",
      "feature 4, field volumeL: is required",
      "feature 5, field id: bin-x1 is also on feature 1",
    ]);
  });

  it("NGSI-LD: an unknown type, another kind's type, bad values under their NGSI names, an id that is no URN", async () => {
    expect(await errorsOf({ file: assetFixture("ngsi-broken.json"), kind: "parking" })).toEqual([
      "entity 2, field type: unknown NGSI-LD type ParkingSpot: parking are read from OffStreetParking",
      "entity 3, field type: WasteContainer is bins, not parking (parking: OffStreetParking)",
      "entity 4, field location.coordinates[1]: must be between -90 and 90",
      "entity 4, field totalSpotNumber: must be a whole number",
      "entity 5, field id: must be an NGSI-LD URN urn:ngsi-ld:<Type>:<id>, not parking-no-urn",
    ]);
  });

  it("points outside the city: swapped lon and lat are named as such, in each format's terms", async () => {
    const file = path.join(pack.publicDir, "elsewhere.csv");
    writeFileSync(file, "id,name,lon,lat,capacity\np-1,Swapped,41.9455,-85.6301,10\np-2,Ghent,3.72,51.05,10\np-3,Edge,-85.68,41.92,10\n");
    expect(await errorsOf({ file, kind: "parking" })).toEqual([
      "line 2, field lon/lat: 41.9455, -85.6301 is outside the city (bounds -85.644345,41.937412,-85.587656,41.960873, give or take 0.05°): are lon and lat swapped?",
      "line 3, field lon/lat: 3.72, 51.05 is outside the city (bounds -85.644345,41.937412,-85.587656,41.960873, give or take 0.05°)",
    ]);
    const geojson = path.join(pack.publicDir, "elsewhere.geojson");
    writeFileSync(
      geojson,
      JSON.stringify({
        type: "FeatureCollection",
        features: [{ type: "Feature", geometry: { type: "Point", coordinates: [3.72, 51.05] }, properties: { id: "b-1", volumeL: 80 } }],
      }),
    );
    expect(await errorsOf({ file: geojson, kind: "bins" })).toEqual([
      expect.stringMatching(/^feature 1, field geometry: 3.72, 51.05 is outside the city/),
    ]);
  });

  it("a station whose type change would strand its units is refused, on a dry run too", async () => {
    const file = path.join(pack.publicDir, "stations.csv");
    writeFileSync(file, "id,name,type,lon,lat\nstation-fire-1,Three Rivers Fire Department,police,-85.63607,41.943005\n");
    for (const isDryRun of [true, false]) {
      const errors = await errorsOf({ file, kind: "stations", isDryRun });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/unit unit-e-\d+ \(fire\) based at police station station-fire-1/);
    }
  });

  it("files it cannot read: not JSON, not a FeatureCollection, an unknown extension, a missing file", async () => {
    const write = (name: string, text: string) => {
      const file = path.join(pack.publicDir, name);
      writeFileSync(file, text);
      return file;
    };
    expect(await errorsOf({ file: write("a.json", "{nope"), kind: "parking" })).toEqual([expect.stringMatching(/^not valid JSON: /)]);
    expect(await errorsOf({ file: write("b.geojson", '{"type":"Feature"}'), kind: "parking" })).toEqual([
      'a GeoJSON file must be a FeatureCollection: {"type":"FeatureCollection","features":[…]}',
    ]);
    expect(await errorsOf({ file: write("c.xlsx", ""), kind: "parking" })).toEqual([
      'unsupported file type ".xlsx": use .csv, .geojson or .json (NGSI-LD)',
    ]);
    expect(await errorsOf({ file: path.join(pack.publicDir, "missing.csv"), kind: "parking" })).toEqual([
      expect.stringMatching(/missing\.csv cannot be read: ENOENT/),
    ]);
  });
});
