"use client";

import { useEffect, useRef, useState } from "react";
import { playAlertTone } from "@/components/alerts/alert-tone";
import { isNewAssignment } from "./new-assignment";

const VIBRATION_MS = [200, 100, 200];

/**
 * Tone and vibration when a new assignment replaces what the page showed (not for the one it opened
 * with). Returns the incident id last alerted, for a visual highlight until the crew acknowledges.
 */
export function useNewAssignmentAlert(incidentId: string | null | undefined): string | null {
  const shownRef = useRef<string | null | undefined>(undefined);
  const [alerted, setAlerted] = useState<string | null>(null);

  useEffect(() => {
    if (incidentId === undefined) return; // not loaded yet
    if (isNewAssignment(shownRef.current, incidentId)) {
      playAlertTone();
      navigator.vibrate?.(VIBRATION_MS);
      setAlerted(incidentId);
    }
    shownRef.current = incidentId;
  }, [incidentId]);

  return alerted;
}
