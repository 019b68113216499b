import { describe, expect, it } from "vitest";
import { COLOR_DEFICIENCIES, deltaE, simulateDeficiency } from "./color-difference";
import { contrastRatio } from "./contrast";
import { renderCssVariables } from "./css-variables";
import { COLOR, FIELD_COLOR, PRIORITY_COLOR, ROLE_COLOR, SEVERITY_COLOR, UNIT_STATUS_COLOR, ZONE_KIND_COLOR, rgbOf } from "./tokens";

const WCAG_AA_TEXT = 4.5;
const DARK_BACKGROUNDS = {
  bg: COLOR.bg,
  surface: COLOR.surface,
  surfaceRaised: COLOR.surfaceRaised,
  inputBg: COLOR.inputBg,
  // Panels over the map at 85–97 % opacity: checked opaque here, as the map under them is dark too.
  overlay: COLOR.overlay,
};
const FIELD_BACKGROUNDS = { bg: FIELD_COLOR.bg, surfaceRaised: FIELD_COLOR.surfaceRaised, surfaceHover: FIELD_COLOR.surfaceHover };

/** CSS color-mix(in srgb, color share%, base): the tinted panels' resulting fill. */
function mix(color: string, share: number, base: string): string {
  const [a, b] = [rgbOf(color), rgbOf(base)];
  return `#${a
    .map((channel, i) =>
      Math.round(channel * share + b[i] * (1 - share))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

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
    ...Object.fromEntries(Object.entries(ZONE_KIND_COLOR).map(([kind, color]) => [`zone ${kind}`, color])),
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

  it.each([
    ["alertText on an alert-tinted panel", COLOR.alertText, mix(COLOR.alert, 0.12, COLOR.surface)],
    ["alertText on the critical banner", COLOR.alertText, COLOR.alertBanner],
    ["warnText on the critical banner", COLOR.warnText, COLOR.alertBanner],
    ["warnText on a warn-tinted panel", COLOR.warnText, mix(COLOR.warn, 0.12, COLOR.surface)],
    ["okText on an ok-tinted panel", COLOR.okText, mix(COLOR.ok, 0.12, COLOR.surface)],
    ["onDanger on the danger button", COLOR.onDanger, mix(COLOR.alert, 0.22, COLOR.surfaceRaised)],
    ["accentText on an accent-tinted link", COLOR.accentText, mix(COLOR.accent, 0.16, COLOR.surfaceRaised)],
    ["relatedText on the related chip", COLOR.relatedText, mix(ROLE_COLOR.supervisor, 0.22, COLOR.surfaceRaised)],
    ["warmText on a tag", COLOR.warmText, COLOR.surfaceHover],
    ["diffRemoved on its tint", COLOR.diffRemoved, mix(COLOR.alert, 0.12, COLOR.surface)],
    ["diffAdded on its tint", COLOR.diffAdded, mix(COLOR.ok, 0.12, COLOR.surface)],
    ["white on the hot chip", COLOR.white, COLOR.alertDeep],
    ["white on the warm chip", COLOR.white, COLOR.warmFill],
    ["alertDeep on the critical banner's white button", COLOR.alertDeep, COLOR.white],
    ["alertDeep on that button under the pointer", COLOR.alertDeep, COLOR.alertTint],
    ["onBright on the primary button under the pointer", COLOR.onBright, COLOR.accentHover],
  ])("%s is readable (AA)", (_, color, background) => {
    expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
  });

  it("keeps near-black text readable on the field's tinted fills, and disabled text legible", () => {
    const fills = ["alertSurface", "alertFill", "warnSurface", "warnFill", "urgentFill", "infoSurface", "infoFill", "okSurface"] as const;
    for (const fill of fills) {
      for (const key of ["text", "textMuted"] as const)
        expect(contrastRatio(FIELD_COLOR[key], FIELD_COLOR[fill]), `${key} on ${fill}`).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    }
    for (const background of [FIELD_COLOR.bg, FIELD_COLOR.surfaceRaised])
      expect(contrastRatio(FIELD_COLOR.textDisabled, background)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
    expect(contrastRatio(COLOR.white, FIELD_COLOR.avatar)).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
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
    ["zone kind", Object.values(ZONE_KIND_COLOR)],
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
    expect(css).toContain(`--alert-text:${COLOR.alertText};`);
    expect(css).toContain(`--field-warn-fill:${FIELD_COLOR.warnFill};`);
    expect(css).toContain("--font-size-display:28px;");
    expect(css).toContain(`--overlay:${COLOR.overlay};`);
    expect(css).toContain(`--scrim:${COLOR.scrim};`);
    expect(css).toContain(".field-theme{");
  });

  it("turns hex into the RGB triples deck.gl takes", () => {
    expect(rgbOf("#4cc2ff")).toEqual([76, 194, 255]);
  });
});
