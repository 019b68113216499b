import { rgbOf, type TRgb } from "./tokens";

const linear = (value: number) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const gamma = (c: number) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

function lab([r, g, b]: TRgb): [number, number, number] {
  const [lr, lg, lb] = [linear(r), linear(g), linear(b)];
  const x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047;
  const y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  const z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 ΔE between two colours: about 2 is just noticeable, above 20 reads as a different colour. */
export function deltaE(a: string | TRgb, b: string | TRgb): number {
  const [l1, a1, b1] = lab(typeof a === "string" ? rgbOf(a) : a);
  const [l2, a2, b2] = lab(typeof b === "string" ? rgbOf(b) : b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied in linear RGB.
const DEFICIENCY = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
} as const;

type TColorDeficiency = keyof typeof DEFICIENCY;
export const COLOR_DEFICIENCIES = Object.keys(DEFICIENCY) as TColorDeficiency[];

/** How a colour looks to someone with the given colour-vision deficiency. */
export function simulateDeficiency(hex: string, deficiency: TColorDeficiency): TRgb {
  const rgb = rgbOf(hex).map(linear);
  const clamp = (v: number) => Math.round(Math.min(255, Math.max(0, gamma(Math.min(1, Math.max(0, v))))));
  const [r, g, b] = DEFICIENCY[deficiency].map((row) => clamp(row[0] * rgb[0]! + row[1] * rgb[1]! + row[2] * rgb[2]!));
  return [r!, g!, b!];
}
