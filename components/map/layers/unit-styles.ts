import type { TUnitStatus, TUnitType } from "@/lib/contracts/events";
import type { TRgb } from "./color-scales";

export { UNIT_STATUS_LABEL, UNIT_TYPE_LABEL } from "@/lib/contracts/units";

export const UNIT_TYPE_RGB: Record<TUnitType, TRgb> = {
  police: [59, 130, 246],
  fire: [239, 68, 68],
  ems: [236, 72, 153],
  sanitation: [132, 204, 22],
  utility: [245, 158, 11],
};

/**
 * Shared by the map's unit rings and the status chips (as CSS variables --unit-<status> there).
 * Each is readable as text on the dark panels; the word is always written next to it.
 */
export const UNIT_STATUS_RGB: Record<TUnitStatus, TRgb> = {
  available: [52, 211, 153],
  dispatched: [251, 191, 36],
  enRoute: [251, 146, 60],
  onScene: [192, 132, 252],
  returning: [96, 165, 250],
  outOfService: [148, 163, 184],
};

