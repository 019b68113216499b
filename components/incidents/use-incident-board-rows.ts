"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { TIncident } from "@/lib/contracts/incidents";
import { useNow } from "@/components/format/use-now";
import { unitsQuery } from "@/components/units/unit-queries";
import { boardRows, type TBoardRow } from "./incident-board-model";

/** The board's rows (ages, units on each, late flags), shared by the board and its tab's count. */
export function useIncidentBoardRows(incidents: readonly TIncident[]): { rows: TBoardRow[] | null; open: number; late: number } {
  const now = useNow();
  const units = useQuery(unitsQuery()).data?.units;
  return useMemo(() => {
    if (now === null) return { rows: null, open: 0, late: 0 };
    const rows = boardRows(incidents, units ?? [], now);
    return { rows, open: rows.length, late: rows.filter((row) => row.unassignedForMs !== null).length };
  }, [incidents, units, now]);
}
