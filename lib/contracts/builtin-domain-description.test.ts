import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillTemplate, placeholdersOf } from "./builtin-domain-description";

describe("entity templates", () => {
  it("puts each value in as written, whatever it holds ('$&', another placeholder), and gives null when one is missing", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (street, name) => {
        const values: Record<string, string> = { street, name };
        expect(fillTemplate("Bin on {street} ({name})", (p) => values[p] ?? null)).toBe(`Bin on ${street} (${name})`);
        expect(fillTemplate("{street} near {zone}", (p) => values[p] ?? null)).toBeNull();
      }),
    );
    expect(placeholdersOf("Road · {roadClass} near {nearestStreet}")).toEqual(["roadClass", "nearestStreet"]);
    expect(fillTemplate("Substation", () => null)).toBe("Substation");
  });
});
