import { describe, expect, it } from "vitest";
import { UNIT_STATUSES, UNIT_TYPES } from "@/lib/contracts/events";
import { contrastRatio } from "@/lib/design/contrast";
import { COLOR } from "@/lib/design/tokens";
import type { TRgb } from "./color-scales";
import { UNIT_STATUS_LABEL, UNIT_STATUS_RGB, UNIT_TYPE_LABEL, UNIT_TYPE_RGB } from "./unit-styles";

const hex = (rgb: TRgb) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
const contrast = (a: TRgb, background: string) => contrastRatio(hex(a), background);

/** The board rows' background. */
const ROW_BACKGROUND = COLOR.surfaceRaised;

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
