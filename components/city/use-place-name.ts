"use client";

import { useMemo } from "react";
import type { TLonLat } from "@/lib/geo";
import { describePlace } from "@/lib/city/entity-names";
import { useEntityIndex } from "./use-entity-index";

/** "near Portage Ave" for a point, from the city pack's streets; null while the pack loads or when no street is near. */
export function usePlaceName(position: TLonLat): string | null {
  const index = useEntityIndex();
  const [lon, lat] = position;
  return useMemo(() => (index ? describePlace(index, [lon, lat]) : null), [index, lon, lat]);
}

/** Coordinates as a last resort, and for tooltips: "41.94310, -85.63210". */
export function formatCoordinates([lon, lat]: TLonLat): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}
