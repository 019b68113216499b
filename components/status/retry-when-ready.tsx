"use client";

import { useEffect, useState } from "react";
import { formatClock } from "@/components/format/date-time";
import { AuthCardFoot } from "@/components/auth/auth-card";

const CHECK_EVERY_MS = 5_000;

/** Asks /api/health/ready every few seconds and goes back to `next` as soon as the server is ready. */
export function RetryWhenReady({ next }: { next: string }) {
  const [lastCheck, setLastCheck] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      try {
        const response = await fetch("/api/health/ready", { cache: "no-store" });
        if (response.ok && !cancelled) return window.location.assign(next);
      } catch {
        // The server itself is unreachable: keep trying.
      }
      if (!cancelled) setLastCheck(formatClock(Date.now()));
    };
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [next]);

  return (
    <AuthCardFoot role="status" aria-live="polite" data-testid="retry-when-ready">
      This page checks again every few seconds and takes you back when the service returns
      {lastCheck ? ` (still unavailable at ${lastCheck})` : ""}. <a href={next}>Try now</a>
    </AuthCardFoot>
  );
}
