import type { TWasteContainer } from "@/lib/contracts/events";
import type { TRgb } from "./color-scales";

type TWasteStatus = TWasteContainer["status"];

/** Outline colour and width (px) per container status; "ok" keeps a thin dark rim. */
export const WASTE_STATUS_STYLE: Record<TWasteStatus, { rgb: TRgb; widthPx: number; label: string }> = {
  ok: { rgb: [8, 12, 18], widthPx: 1, label: "OK" },
  lidOpen: { rgb: [56, 189, 248], widthPx: 2, label: "Lid open" },
  vandalised: { rgb: [192, 132, 252], widthPx: 2.5, label: "Vandalised" },
  burning: { rgb: [255, 46, 99], widthPx: 3, label: "Burning" },
};
