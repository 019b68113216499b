import { describe, expect, it } from "vitest";
import { COLOR_DEFICIENCIES, deltaE, simulateDeficiency } from "./color-difference";
import { contrastRatio } from "./contrast";
import { renderCssVariables } from "./css-variables";
import { COLOR, FIELD_COLOR, PRIORITY_COLOR, ROLE_COLOR, SEVERITY_COLOR, UNIT_STATUS_COLOR, rgbOf } from "./tokens";

const WCAG_AA_TEXT = 4.5;
const DARK_BACKGROUNDS = { bg: COLOR.bg, surface: COLOR.surface, surfaceRaised: COLOR.surfaceRaised, inputBg: COLOR.inputBg };
const FIELD_BACKGROUNDS = { bg: FIELD_COLOR.bg, surfaceRaised: FIELD_COLOR.surfaceRaised, surfaceHover: FIELD_COLOR.surfaceHover };

function pairs<T>(values: readonly T[]): [T, T][] {
  return values.flatMap((a, i) => values.slice(i + 1).map((b) => [a, b] as [T, T]));
}

describe("contrast of text tokens", () => {
  const darkText = {
    text: COLOR.text,
    textMuted: COLOR.textMuted,
    accent: COLOR.accent,
    ok: COLOR.ok,
    warn: COLOR.warn,
    alert: COLOR.alert,
    ...SEVERITY_COLOR,
    ...UNIT_STATUS_COLOR,
    ...ROLE_COLOR,
  };

  it.each(Object.entries(darkText))("%s is readable (AA) on every dark panel", (_, color) => {
    for (const [name, background] of Object.entries(DARK_BACKGROUNDS)) {
      expect(contrastRatio(color, background), name).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    }
  });

  it("keeps faint text (timestamps, hints) at AA on the panels too", () => {
    for (const [name, background] of Object.entries(DARK_BACKGROUNDS)) {
      expect(contrastRatio(COLOR.textFaint, background), name).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    }
  });

  it("keeps the field crew's sunlight theme at AA or better", () => {
    for (const key of ["text", "textMuted", "textFaint", "accent", "ok", "warn", "alert"] as const) {
      for (const [name, background] of Object.entries(FIELD_BACKGROUNDS)) {
        expect(contrastRatio(FIELD_COLOR[key], background), `${key} on ${name}`).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
      }
    }
  });

  it("writes dark text on the filled accent and every priority chip at AA", () => {
    expect(contrastRatio(COLOR.onBright, COLOR.accent)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    for (const priority of ["P1", "P2", "P3", "P4"] as const)
      expect(contrastRatio(COLOR.onBright, PRIORITY_COLOR[priority])).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
  });
});

describe("palettes that encode a level", () => {
  // ΔE 10 still reads as two colours side by side; the simulations cover the three dichromacies.
  const DISTINCT_DELTA_E = 10;

  it.each([
    ["severity", Object.values(SEVERITY_COLOR)],
    ["priority", Object.values(PRIORITY_COLOR)],
  ])("%s colours stay apart for normal and colour-blind vision", (_, palette) => {
    for (const [a, b] of pairs(palette)) {
      expect(deltaE(a, b), `${a} / ${b}`).toBeGreaterThanOrEqual(DISTINCT_DELTA_E);
      for (const deficiency of COLOR_DEFICIENCIES) {
        expect(
          deltaE(simulateDeficiency(a, deficiency), simulateDeficiency(b, deficiency)),
          `${a} / ${b} (${deficiency})`,
        ).toBeGreaterThanOrEqual(DISTINCT_DELTA_E);
      }
    }
  });

  it("unit status colours are distinct for normal and colour-blind vision (the status word is written beside them too)", () => {
    for (const [a, b] of pairs(Object.values(UNIT_STATUS_COLOR))) {
      expect(deltaE(a, b), `${a} / ${b}`).toBeGreaterThanOrEqual(20);
      for (const deficiency of COLOR_DEFICIENCIES) {
        expect(
          deltaE(simulateDeficiency(a, deficiency), simulateDeficiency(b, deficiency)),
          `${a} / ${b} (${deficiency})`,
        ).toBeGreaterThanOrEqual(DISTINCT_DELTA_E);
      }
    }
  });
});

describe("CSS variables", () => {
  const css = renderCssVariables();

  it("renders each palette under the names the stylesheets use", () => {
    expect(css).toContain(`--surface-raised:${COLOR.surfaceRaised};`);
    expect(css).toContain(`--sev-critical:${SEVERITY_COLOR.critical};`);
    expect(css).toContain(`--prio-P1:${PRIORITY_COLOR.P1};`);
    expect(css).toContain(`--unit-enRoute:${UNIT_STATUS_COLOR.enRoute};`);
    expect(css).toContain(`--role-supervisor:${ROLE_COLOR.supervisor};`);
    expect(css).toContain(".field-theme{");
  });

  it("turns hex into the RGB triples deck.gl takes", () => {
    expect(rgbOf("#4cc2ff")).toEqual([76, 194, 255]);
  });
});
