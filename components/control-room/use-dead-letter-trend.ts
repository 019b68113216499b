"use client";

import { useEffect, useState } from "react";
import type { TIngestStats } from "@/lib/contracts/realtime";
import { addSample, deadLetterTrend, type TDeadLetterSample, type TDeadLetterTrend } from "./dead-letter-trend";

/** The dead-letter rate and its direction, from the stats as they arrive (kept in this page for 15 minutes). */
export function useDeadLetterTrend(stats: TIngestStats | null): TDeadLetterTrend | null {
  const [samples, setSamples] = useState<TDeadLetterSample[]>([]);
  const deadLettered = stats?.deadLettered;
  const totalEvents = stats?.totalEvents;
  useEffect(() => {
    if (deadLettered === undefined || totalEvents === undefined) return;
    setSamples((current) => addSample(current, { atMs: Date.now(), deadLettered, totalEvents }));
  }, [deadLettered, totalEvents]);
  return deadLetterTrend(samples);
}
