import { describe, expect, it } from "vitest";
import { cityPackConfig, slugOf } from "./city-pack-config";

describe("cityPackConfig", () => {
  it("gives Three Rivers the settings its committed pack was built with", () => {
    expect(cityPackConfig({ name: "Three Rivers, Michigan" })).toEqual({
      id: "three-rivers",
      name: "Three Rivers, Michigan",
      townName: "Three Rivers",
      attribution: "© OpenStreetMap contributors (ODbL)",
      zoom: 14.5,
      seed: 42,
      binCount: 250,
    });
  });

  it("slugs accented names and takes an explicit id or seed", () => {
    expect(slugOf("Göteborg")).toBe("goteborg");
    expect(slugOf("  Saint-Étienne / Loire ")).toBe("saint-etienne-loire");
    expect(cityPackConfig({ name: "Zürich", id: "zh", seed: 7 })).toMatchObject({ id: "zh", townName: "Zürich", seed: 7 });
  });

  it("refuses an empty name and an id the server would not accept", () => {
    expect(() => cityPackConfig({ name: " , x" })).toThrow(/--name " , x" is empty/);
    expect(() => cityPackConfig({ name: "東京" })).toThrow(/pack id "" must be lower-case letters/);
    expect(() => cityPackConfig({ name: "X", id: "../etc" })).toThrow(/pack id "\.\.\/etc"/);
  });
});
