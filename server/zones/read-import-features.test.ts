import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readImportFeatures } from "./read-import-features";

const square = (lon: number, lat: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + 1, lat],
      [lon + 1, lat + 1],
      [lon, lat + 1],
      [lon, lat],
    ],
  ],
});

describe("reading an imported file's features", () => {
  it("never throws on anything, and reports each bad feature by its place in the file", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.anything(), fc.record({ type: fc.constant("Feature"), properties: fc.anything(), geometry: fc.anything() }))),
        (features) => {
          const { zones, errors } = readImportFeatures(features, "district");
          for (const error of errors) {
            expect(error.feature).toBeGreaterThanOrEqual(1);
            expect(error.feature).toBeLessThanOrEqual(features.length);
            expect(error.message.length).toBeGreaterThan(0);
          }
          expect(zones.length + new Set(errors.map((e) => e.feature)).size).toBe(features.length);
        },
      ),
    );
  });

  it("keeps every valid feature, with its own kind or the file's", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
          { selector: (s) => s.trim(), maxLength: 20 },
        ),
        (names) => {
          const features = names.map((name, i) => ({
            type: "Feature",
            properties: { name, ...(i % 2 ? { kind: "fireArea" } : {}) },
            geometry: square(i, i),
          }));
          const { zones, errors } = readImportFeatures(features, "district");
          expect(errors).toEqual([]);
          expect(zones.map((z) => [z.name, z.kind])).toEqual(names.map((n, i) => [n.trim(), i % 2 ? "fireArea" : "district"]));
        },
      ),
    );
  });

  it("refuses a second feature of the same name and kind, not one of another kind", () => {
    const { errors } = readImportFeatures(
      [
        { type: "Feature", properties: { name: "Dock" }, geometry: square(0, 0) },
        { type: "Feature", properties: { name: "Dock", kind: "policeBeat" }, geometry: square(0, 0) },
        { type: "Feature", properties: { name: " Dock " }, geometry: square(0, 0) },
      ],
      "district",
    );
    expect(errors).toEqual([{ feature: 3, field: "properties.name", message: "another feature of this kind in the file has this name" }]);
  });
});
