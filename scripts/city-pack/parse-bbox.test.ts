import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OsmInputError } from "./osm-input-error";
import { parseBbox } from "./parse-bbox";

describe("parseBbox", () => {
  it("reads west,south,east,north", () => {
    expect(parseBbox("-85.66, 41.93,-85.62,41.96")).toEqual([-85.66, 41.93, -85.62, 41.96]);
  });

  it("says what is wrong with a bad box", () => {
    expect(() => parseBbox("1,2,3")).toThrow(/^--bbox "1,2,3": needs four numbers; expected west,south,east,north/);
    expect(() => parseBbox("1,2,,4")).toThrow(/needs four numbers/);
    expect(() => parseBbox("-190,0,1,1")).toThrow(/lies outside -180..180 \/ -90..90/);
    expect(() => parseBbox("2,0,1,1")).toThrow(/west must be less than east and south less than north/);
  });

  it("returns a valid box or an input error for any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.double(), { minLength: 0, maxLength: 5 }).map((v) => v.join(",")),
        ),
        (text) => {
          try {
            const [w, s, e, n] = parseBbox(text);
            expect(w < e && s < n).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(OsmInputError);
          }
        },
      ),
    );
  });
});
