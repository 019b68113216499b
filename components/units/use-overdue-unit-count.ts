"use client";

import { useQuery } from "@tanstack/react-query";
import { countOverdue } from "./unit-board-model";
import { unitsQuery } from "./unit-queries";
import { useNow } from "@/components/format/use-now";

/** Units on scene past the check-in threshold, re-counted every second as the clock moves. */
export function useOverdueUnitCount(): number {
  const units = useQuery(unitsQuery()).data;
  const now = useNow();
  return units && now !== null ? countOverdue(units.units, now, units.checkInSeconds) : 0;
}
