import type { TUnitType } from "@/lib/contracts/events";
import type { TRgb } from "./color-scales";

export const UNIT_TYPE_RGB: Record<TUnitType, TRgb> = {
  police: [59, 130, 246],
  fire: [239, 68, 68],
  ems: [236, 72, 153],
  sanitation: [132, 204, 22],
  utility: [245, 158, 11],
};

export const UNIT_TYPE_LABEL: Record<TUnitType, string> = {
  police: "Police",
  fire: "Fire",
  ems: "EMS",
  sanitation: "Sanitation",
  utility: "Utility",
};
