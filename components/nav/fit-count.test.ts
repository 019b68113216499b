import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIT_SLACK_PX, fitCount, stableFitCount } from "./fit-count";

const GAP = 4;
const MORE = 70;

/** What the header lays out for `shown` links: the links with a gap between neighbours, then a gap and More if any are left. */
function laidOutWidth(widths: readonly number[], shown: number): number {
  const links = widths.slice(0, shown).reduce((sum, w, i) => sum + w + (i > 0 ? GAP : 0), 0);
  if (shown === widths.length) return links;
  return links + (shown > 0 ? GAP : 0) + MORE;
}

/** Sub-pixel widths in eighths of a pixel: exact in binary, so both sides of a comparison add up the same. */
const pixels = (min: number, max: number) => fc.integer({ min: min * 8, max: max * 8 }).map((eighths) => eighths / 8);
const linkWidths = fc.array(pixels(20, 200), { maxLength: 12 });
const availableWidth = pixels(0, 2000);

describe("fitCount", () => {
  it("shows every link when they fit, else as many as fit beside More", () => {
    expect(fitCount([80, 90, 100], 278, MORE, GAP)).toBe(3);
    expect(fitCount([80, 90, 100], 277, MORE, GAP)).toBe(2);
    // Two links, two gaps and More: exactly 248 px.
    expect(fitCount([80, 90, 100], 248, MORE, GAP)).toBe(2);
    expect(fitCount([80, 90, 100], 247, MORE, GAP)).toBe(1);
    expect(fitCount([80, 90, 100], 100, MORE, GAP)).toBe(0);
  });

  it("never overflows the space it was given, and gives none of it away (property)", () => {
    fc.assert(
      fc.property(linkWidths, availableWidth, (widths, available) => {
        const shown = fitCount(widths, available, MORE, GAP);
        expect(shown).toBeGreaterThanOrEqual(0);
        expect(shown).toBeLessThanOrEqual(widths.length);
        // More alone may not fit a very narrow header; it is still the only way to the links.
        if (shown > 0 || shown === widths.length) expect(laidOutWidth(widths, shown)).toBeLessThanOrEqual(available);
        // One link more would not fit (beside More, or all of them without it).
        if (shown < widths.length) expect(laidOutWidth(widths, shown + 1)).toBeGreaterThan(available);
      }),
    );
  });
});

describe("stableFitCount", () => {
  const spaceOf = (available: number, widths: readonly number[]) => ({ widths, available, moreWidth: MORE, gap: GAP });

  it("moves a link into More as soon as it does not fit, and back only with the slack to spare", () => {
    const widths = [80, 90, 100];
    // 248 px hold two links beside More exactly.
    expect(stableFitCount(null, spaceOf(248, widths))).toBe(2);
    expect(stableFitCount(2, spaceOf(247.5, widths))).toBe(1);
    expect(stableFitCount(1, spaceOf(248, widths))).toBe(1);
    expect(stableFitCount(1, spaceOf(248 + FIT_SLACK_PX - 0.5, widths))).toBe(1);
    expect(stableFitCount(1, spaceOf(248 + FIT_SLACK_PX, widths))).toBe(2);
  });

  it("stays between the fit without and with the slack, never overflowing (property)", () => {
    fc.assert(
      fc.property(linkWidths, fc.array(availableWidth, { minLength: 1, maxLength: 30 }), (widths, availables) => {
        let shown: number | null = null;
        for (const available of availables) {
          shown = stableFitCount(shown, spaceOf(available, widths));
          expect(shown).toBeLessThanOrEqual(fitCount(widths, available, MORE, GAP));
          expect(shown).toBeGreaterThanOrEqual(fitCount(widths, available - FIT_SLACK_PX, MORE, GAP));
          if (shown > 0 || shown === widths.length) expect(laidOutWidth(widths, shown)).toBeLessThanOrEqual(available);
        }
      }),
    );
  });

  it("keeps the same links while the width wobbles within the slack (property)", () => {
    fc.assert(
      fc.property(
        linkWidths,
        fc.array(availableWidth, { maxLength: 10 }),
        availableWidth,
        fc.array(pixels(0, FIT_SLACK_PX), { minLength: 1, maxLength: 40 }),
        (widths, history, lowest, wobble) => {
          // Whatever came before, once the narrowest width of the wobble has been fitted nothing moves.
          let shown: number | null = null;
          for (const available of history) shown = stableFitCount(shown, spaceOf(available, widths));
          const settled = stableFitCount(shown, spaceOf(lowest, widths));
          shown = settled;
          for (const extra of wobble) {
            shown = stableFitCount(shown, spaceOf(lowest + extra, widths));
            expect(shown).toBe(settled);
          }
        },
      ),
    );
  });
});
