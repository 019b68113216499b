import type { TAlertSeverity } from "@/lib/contracts/alerts";
import type { TIncidentPriority } from "@/components/incidents/incident-labels";
import { MAP_COLOR, PRIORITY_COLOR, SEVERITY_COLOR, rgbOf, rgbTable } from "@/lib/design/tokens";
import type { TRgb } from "./color-scales";

/** Shared by the map markers and the chips in the queue and drawers (as CSS variables there). */
export const PRIORITY_RGB: Record<TIncidentPriority, TRgb> = rgbTable(PRIORITY_COLOR);

export const SEVERITY_RGB: Record<TAlertSeverity, TRgb> = rgbTable(SEVERITY_COLOR);

export const PIN_RGB: TRgb = rgbOf(MAP_COLOR.pin);
