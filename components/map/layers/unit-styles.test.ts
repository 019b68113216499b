import { describe, expect, it } from "vitest";
import { UNIT_STATUSES, UNIT_TYPES } from "@/lib/contracts/events";
import type { TRgb } from "./color-scales";
import { UNIT_STATUS_LABEL, UNIT_STATUS_RGB, UNIT_TYPE_LABEL, UNIT_TYPE_RGB } from "./unit-styles";

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: TRgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
const contrast = (a: TRgb, b: TRgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** --surface-raised, the board rows' background (app/globals.css). */
const ROW_BACKGROUND: TRgb = [20, 26, 35];

describe("unit status styles", () => {
  it("gives every status a colour and a written label", () => {
    for (const status of UNIT_STATUSES) {
      expect(UNIT_STATUS_RGB[status], status).toHaveLength(3);
      expect(UNIT_STATUS_LABEL[status], status).toMatch(/^[A-Z][a-z ]+$/);
    }
    expect(Object.keys(UNIT_STATUS_RGB).sort()).toEqual([...UNIT_STATUSES].sort());
  });

  it("keeps the statuses apart by colour", () => {
    const colours = new Set(UNIT_STATUSES.map((status) => UNIT_STATUS_RGB[status].join(",")));
    expect(colours.size).toBe(UNIT_STATUSES.length);
  });

  it("is readable as text on the dark panels (WCAG AA, 4.5:1)", () => {
    for (const status of UNIT_STATUSES) expect(contrast(UNIT_STATUS_RGB[status], ROW_BACKGROUND), status).toBeGreaterThanOrEqual(4.5);
  });

  it("still labels and colours every unit type for the legend", () => {
    for (const type of UNIT_TYPES) {
      expect(UNIT_TYPE_RGB[type], type).toHaveLength(3);
      expect(UNIT_TYPE_LABEL[type], type).toBeTruthy();
    }
  });
});
