"use client";

import type { TCapWarning } from "@/lib/contracts/cap-warnings";
import { formatDateTime } from "@/components/format/date-time";
import { MapTooltip, MapTooltipRows, type TMapBounds } from "@/components/ui/map-tooltip";

export type TCapWarningHover = { warning: TCapWarning; x: number; y: number };

/** Beside the pointer over another agency's warning area: what it is, who says so, how urgent, until when (city time). */
export function CapWarningTooltip({ warning, x, y, bounds }: TCapWarningHover & { bounds?: TMapBounds }) {
  const rows = [
    { label: "From", value: warning.senderName ?? warning.sender },
    { label: "Area", value: warning.areaDesc },
    { label: "Urgency", value: warning.urgency },
    { label: "Severity", value: warning.severity },
    { label: "Until", value: warning.expires ? formatDateTime(warning.expires, { withSeconds: false }) : "Further notice" },
  ];
  return (
    <MapTooltip
      x={x}
      y={y}
      bounds={bounds}
      kind={`Warning · ${warning.severity}`}
      kindTone="warn"
      title={warning.headline ?? warning.event}
      data-testid="cap-warning-tooltip"
    >
      <MapTooltipRows rows={rows} />
    </MapTooltip>
  );
}
