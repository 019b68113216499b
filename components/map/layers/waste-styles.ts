import type { TWasteContainer } from "@/lib/contracts/events";
import { WASTE_STATUS_COLOR, rgbOf } from "@/lib/design/tokens";
import type { TRgb } from "./color-scales";

type TWasteStatus = TWasteContainer["status"];

/** Outline colour and width (px) per container status; "ok" keeps a thin dark rim. */
export const WASTE_STATUS_STYLE: Record<TWasteStatus, { rgb: TRgb; widthPx: number; label: string }> = {
  ok: { rgb: rgbOf(WASTE_STATUS_COLOR.ok), widthPx: 1, label: "OK" },
  lidOpen: { rgb: rgbOf(WASTE_STATUS_COLOR.lidOpen), widthPx: 2, label: "Lid open" },
  vandalised: { rgb: rgbOf(WASTE_STATUS_COLOR.vandalised), widthPx: 2.5, label: "Vandalised" },
  burning: { rgb: rgbOf(WASTE_STATUS_COLOR.burning), widthPx: 3, label: "Burning" },
};
