"use client";

import { useEffect, useState } from "react";
import { errorMessage } from "@/components/api/request-json";
import type { TLonLat } from "@/lib/geo";
import { GEOLOCATION_PROBLEM, geolocationProblemOf } from "./geolocation-problem";
import { positionSendDelay } from "./position-throttle";
import { positionRequestOf, sendPosition } from "./send-position";
import type { TFieldPositionRequest } from "@/lib/contracts/units";

export type TPositionSharing = {
  on: boolean;
  setOn: (on: boolean) => void;
  /** The phone's latest position while sharing, for the live distance and the map. */
  position: TLonLat | null;
  lastSentAt: number | null;
  problem: string | null;
};

const WATCH_OPTIONS: PositionOptions = { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 };

/**
 * Opt-in position sharing: the browser is asked for the position only once the crew turns it on.
 * Positions reach the server at most every 5 s (the latest one wins), and not at all while offline.
 */
export function usePositionSharing(): TPositionSharing {
  const [on, setOn] = useState(false);
  const [position, setPosition] = useState<TLonLat | null>(null);
  const [lastSentAt, setLastSentAt] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!on) {
      setPosition(null);
      return;
    }
    if (!("geolocation" in navigator)) {
      setProblem(window.isSecureContext ? GEOLOCATION_PROBLEM.unsupported : GEOLOCATION_PROBLEM.insecure);
      setOn(false);
      return;
    }
    setProblem(null);

    let cancelled = false;
    let latest: TFieldPositionRequest | null = null;
    let lastSent: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;

    const flush = () => {
      const next = latest;
      latest = null;
      if (!next) return;
      inFlight = true;
      sendPosition(next)
        .then((sent) => {
          if (!sent || cancelled) return;
          lastSent = Date.now();
          setLastSentAt(lastSent);
          setProblem(null);
        })
        .catch((error: unknown) => {
          if (!cancelled) setProblem(`Your position could not be sent: ${errorMessage(error)}`);
        })
        .finally(() => {
          inFlight = false;
          if (!cancelled) schedule();
        });
    };

    function schedule() {
      if (!latest || inFlight || timer !== undefined) return;
      const delay = positionSendDelay(lastSent, Date.now());
      if (delay === 0) flush();
      else
        timer = setTimeout(() => {
          timer = undefined;
          flush();
        }, delay);
    }

    const watchId = navigator.geolocation.watchPosition(
      ({ coords }) => {
        if (cancelled) return;
        setPosition([coords.longitude, coords.latitude]);
        latest = positionRequestOf(coords);
        schedule();
      },
      (error) => {
        if (cancelled) return;
        setProblem(geolocationProblemOf(error.code));
        if (error.code === error.PERMISSION_DENIED) setOn(false);
      },
      WATCH_OPTIONS,
    );

    return () => {
      cancelled = true;
      navigator.geolocation.clearWatch(watchId);
      clearTimeout(timer);
    };
  }, [on]);

  return { on, setOn, position, lastSentAt, problem };
}
