import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalIsoMs } from "./canonical-time";

describe("canonicalIsoMs", () => {
  it("reads every time toISOString writes (4-digit years from 100)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("0100-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }),
        (date) => {
          expect(canonicalIsoMs(date.toISOString())).toBe(date.getTime());
        },
      ),
    );
  });

  it("accepts nothing that would come back in another form", () => {
    const isoLike = fc
      .tuple(fc.date({ noInvalidDate: true }), fc.integer({ min: 0, max: 23 }), fc.stringMatching(/^[0-9]$/))
      .map(([date, at, digit]) => {
        const text = date.toISOString();
        return text.slice(0, at) + digit + text.slice(at + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string(), isoLike), (text) => {
        const ms = canonicalIsoMs(text);
        if (ms !== null) expect(new Date(ms).toISOString()).toBe(text);
      }),
      { numRuns: 2000 },
    );
    expect(canonicalIsoMs("2026-02-29T00:00:00.000Z")).toBeNull();
    expect(canonicalIsoMs("2028-02-29T00:00:00.000Z")).toBe(Date.UTC(2028, 1, 29));
    expect(canonicalIsoMs("2026-12-03T15:50:36+01:00")).toBeNull();
  });
});
