import type { TUnitStatus, TUnitType } from "@/lib/contracts/events";
import { UNIT_STATUS_COLOR, UNIT_TYPE_COLOR, rgbTable } from "@/lib/design/tokens";
import type { TRgb } from "./color-scales";

export { UNIT_STATUS_LABEL, UNIT_TYPE_LABEL } from "@/lib/contracts/units";

export const UNIT_TYPE_RGB: Record<TUnitType, TRgb> = rgbTable(UNIT_TYPE_COLOR);

/**
 * Shared by the map's unit rings and the status chips (as CSS variables --unit-<status> there).
 * Each is readable as text on the dark panels; the word is always written next to it.
 */
export const UNIT_STATUS_RGB: Record<TUnitStatus, TRgb> = rgbTable(UNIT_STATUS_COLOR);
