import type { TAlertSeverity } from "@/lib/contracts/alerts";
import type { TIncidentPriority } from "@/components/incidents/incident-labels";
import type { TRgb } from "./color-scales";

/** Shared by the map markers and the chips in the queue and drawers (as CSS variables there). */
export const PRIORITY_RGB: Record<TIncidentPriority, TRgb> = {
  P1: [239, 68, 68],
  P2: [251, 146, 60],
  P3: [250, 204, 21],
  P4: [96, 165, 250],
};

export const SEVERITY_RGB: Record<TAlertSeverity, TRgb> = {
  critical: [248, 113, 113],
  major: [251, 146, 60],
  minor: [250, 204, 21],
  warning: [125, 211, 252],
};

export const PIN_RGB: TRgb = [76, 194, 255];
