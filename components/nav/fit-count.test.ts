import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitCount } from "./fit-count";

describe("fitCount", () => {
  it("shows every link when they fit, else as many as fit beside More", () => {
    expect(fitCount([80, 90, 100], 290, 70, 4)).toBe(3);
    expect(fitCount([80, 90, 100], 250, 70, 4)).toBe(2);
    expect(fitCount([80, 90, 100], 100, 70, 4)).toBe(0);
  });

  it("never overflows the space it was given (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 200 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 2000 }),
        (widths, available) => {
          const shown = fitCount(widths, available, 70, 4);
          const linksWidth = widths.slice(0, shown).reduce((sum, w, i) => sum + w + (i > 0 ? 4 : 0), 0);
          const needsMore = shown < widths.length;
          return (
            shown >= 0 &&
            shown <= widths.length &&
            (needsMore ? linksWidth + (shown > 0 ? 4 : 0) + 70 <= available || shown === 0 : linksWidth <= available)
          );
        },
      ),
    );
  });
});
