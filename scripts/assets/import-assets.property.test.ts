import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNIT_TYPES } from "@/lib/contracts/events";
import { UNIT_CAPABILITIES } from "@/lib/contracts/units";
import { ASSET_FIELDS, ASSET_KINDS, type TAsset, type TAssetKind } from "./asset-kinds";
import { NGSI_TYPES } from "./ngsi-ld-types";
import { parseAssetText } from "./read-asset-file";
import { validateAssetRows } from "./validate-asset-rows";

/** Text a person could put in a cell: anything but leading or trailing blanks (they are trimmed) and bare CRs (read as line breaks). */
const cellText = (maxLength: number) =>
  fc.string({ unit: "grapheme", minLength: 1, maxLength }).filter((s) => s.trim() === s && s.length > 0 && !s.includes("\r"));
const packId = fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/);
const unitId = fc.stringMatching(/^[A-Za-z0-9-]{1,32}$/);
// String(-0) is "0": a CSV cannot tell them apart, and neither can a map.
const coordinate = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true }).map((n) => (n === 0 ? 0 : n));
const position = fc.tuple(coordinate(180), coordinate(90));
const positive = fc.double({ min: 0.001, max: 1e9, noNaN: true });

const ASSETS: { readonly [K in TAssetKind]: fc.Arbitrary<TAsset> } = {
  parking: fc.record({ id: packId, name: cellText(60), capacity: fc.integer({ min: 1, max: 1_000_000 }), position }),
  bins: fc.record({ id: packId, street: cellText(60), position, volumeL: positive }, { requiredKeys: ["id", "position", "volumeL"] }),
  substations: fc.record({ id: packId, name: cellText(60), position, capacityKw: positive, voltageV: positive }),
  stations: fc.record({ id: packId, name: cellText(60), type: fc.constantFrom(...UNIT_TYPES), position }),
  units: fc.record(
    {
      id: unitId,
      callSign: cellText(32),
      type: fc.constantFrom(...UNIT_TYPES),
      stationId: cellText(64),
      capabilities: fc.uniqueArray(fc.constantFrom(...UNIT_CAPABILITIES), { minLength: 1 }),
    },
    { requiredKeys: ["id", "callSign", "type", "stationId"] },
  ),
};

/** The asset as its CSV row: position split into lon and lat, a unit's capabilities in one cell. */
function csvRecord(asset: TAsset): Record<string, unknown> {
  const { position, capabilities, ...rest } = asset as TAsset & { position?: [number, number]; capabilities?: string[] };
  return {
    ...rest,
    ...(position ? { lon: position[0], lat: position[1] } : {}),
    ...(capabilities ? { capabilities: capabilities.join(";") } : {}),
  };
}

function importCsv(kind: TAssetKind, text: string) {
  const { rows, errors } = parseAssetText(text, ".csv", kind);
  const checked = validateAssetRows(kind, rows);
  return { assets: checked.valid.map((row) => row.asset), errors: [...errors, ...checked.errors] };
}

describe("asset import properties", () => {
  it.each(ASSET_KINDS)("random valid %s written as CSV import as the same assets", (kind) => {
    const { required, optional } = ASSET_FIELDS[kind];
    const assets = fc
      .uniqueArray(ASSETS[kind], {
        maxLength: 25,
        selector: (asset) => asset.id,
      })
      .filter((list) => kind !== "units" || new Set(list.map((u) => (u as { callSign: string }).callSign)).size === list.length);
    fc.assert(
      fc.property(assets, (list) => {
        const text = stringify(list.map(csvRecord), { header: true, columns: [...required, ...optional] });
        const imported = importCsv(kind, text);
        expect(imported.errors).toEqual([]);
        expect(imported.assets).toEqual(list);
      }),
      { numRuns: 150 },
    );
  });

  it.each(ASSET_KINDS)("garbage CSV for %s gives row errors, never an exception", (kind) => {
    const { required, optional } = ASSET_FIELDS[kind];
    const header = [...required, ...optional].join(",");
    const junkText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc
        .array(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { maxLength: 8 }), { maxLength: 10 })
        .map((rows) => [header, ...rows.map((cells) => cells.join(","))].join("\n")),
      fc
        .array(
          fc.array(fc.oneof(fc.string(), fc.double().map(String), fc.constantFrom("", "NaN", "1e999", "-0", '"')), {
            minLength: 5,
            maxLength: 5,
          }),
          { maxLength: 10 },
        )
        .map((rows) => stringify(rows, { header: false }).replace(/^/, `${header}\n`)),
    );
    fc.assert(
      fc.property(junkText, (text) => {
        const imported = importCsv(kind, text);
        for (const error of imported.errors) expect(typeof error.message).toBe("string");
      }),
      { numRuns: 200 },
    );
  });

  it.each(ASSET_KINDS)("garbage GeoJSON and NGSI-LD for %s give row errors, never an exception", (kind) => {
    const attribute = fc.oneof(
      fc.jsonValue(),
      fc.record({ type: fc.constantFrom("Property", "GeoProperty", "Relationship"), value: fc.jsonValue(), object: fc.jsonValue() }),
    );
    const entity = fc.record(
      {
        id: fc.oneof(
          fc.jsonValue(),
          fc.string().map((s) => `urn:ngsi-ld:Thing:${s}`),
        ),
        type: fc.oneof(fc.constantFrom(...Object.keys(NGSI_TYPES), "Foo"), fc.jsonValue()),
        location: fc.oneof(
          attribute,
          fc.record({
            type: fc.constant("GeoProperty"),
            value: fc.record({ type: fc.constant("Point"), coordinates: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
          }),
        ),
        name: attribute,
        totalSpotNumber: attribute,
        vehicleType: attribute,
        refStation: attribute,
        address: attribute,
        unitType: attribute,
      },
      { requiredKeys: [] },
    );
    const feature = fc.record(
      {
        type: fc.oneof(fc.constant("Feature"), fc.jsonValue()),
        id: fc.jsonValue(),
        geometry: fc.oneof(
          fc.jsonValue(),
          fc.record({ type: fc.constant("Point"), coordinates: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
        ),
        properties: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...ASSET_FIELDS[kind].required, "extra"), fc.jsonValue())),
      },
      { requiredKeys: [] },
    );
    const json = fc.oneof(
      fc.jsonValue(),
      fc.array(entity, { maxLength: 8 }),
      fc.record({ type: fc.constant("FeatureCollection"), features: fc.array(fc.oneof(feature, fc.jsonValue()), { maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(json, fc.constantFrom(".json", ".geojson"), (value, extension) => {
        const { rows, errors } = parseAssetText(JSON.stringify(value) ?? "null", extension, kind);
        const checked = validateAssetRows(kind, rows);
        for (const error of [...errors, ...checked.errors]) expect(typeof error.message).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
});
