"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { zoneNamesOf, zonesQuery } from "./zone-queries";

/** The names of the city's zones for a picker, sorted; empty while they load (the pickers still take typed names). */
export function useZoneNames(): readonly string[] {
  const zones = useQuery(zonesQuery()).data?.zones;
  return useMemo(() => (zones ? zoneNamesOf(zones) : []), [zones]);
}
