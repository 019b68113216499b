"use client";

import { useCallback, useEffect, useState } from "react";
import { playAlertTone } from "@/components/alerts/alert-tone";

/**
 * Browsers keep audio muted until the page has had a tap or a key press. Until then the page offers an
 * "Enable sound" button; any other tap counts as well.
 */
export function useSoundReady(): { ready: boolean; enable: () => void } {
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (navigator.userActivation?.hasBeenActive) {
      setReady(true);
      return;
    }
    const onGesture = () => setReady(true);
    window.addEventListener("pointerdown", onGesture, { once: true });
    window.addEventListener("keydown", onGesture, { once: true });
    return () => {
      window.removeEventListener("pointerdown", onGesture);
      window.removeEventListener("keydown", onGesture);
    };
  }, []);

  const enable = useCallback(() => {
    playAlertTone(); // inside the tap: unlocks audio, and the crew hears what a new job sounds like
    setReady(true);
  }, []);

  return { ready, enable };
}
