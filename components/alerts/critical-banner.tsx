"use client";

import { useEffect, useRef, useState } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import { playAlertTone } from "./alert-tone";
import { createCriticalToneRepeater } from "./critical-tone-repeater";
import { useAlertAction, type TActionOutcome } from "./use-alert-action";
import { Button } from "@/components/ui/button";
import styles from "./critical-banner.module.css";

type TCriticalBannerProps = {
  /** Unacknowledged critical alerts, most recent first. */
  alerts: readonly TAlert[];
  isMuted: boolean;
  onMutedChange: (muted: boolean) => void;
  onView: (alert: TAlert) => void;
};

const TONE_TICK_MS = 1000;

/** The tone for every critical alert this page has not sounded for yet, repeated while any waits (critical-tone-repeater). */
function useCriticalTone(alerts: readonly TAlert[], isMuted: boolean): void {
  const sounded = useRef(new Set<string>());
  const [repeater] = useState(() => createCriticalToneRepeater(playAlertTone));
  useEffect(() => {
    const fresh = alerts.filter((alert) => !sounded.current.has(alert.id));
    for (const alert of fresh) sounded.current.add(alert.id);
    repeater.update({ hasFresh: fresh.length > 0, hasWaiting: alerts.length > 0, isMuted }, Date.now());
  }, [alerts, isMuted, repeater]);
  const hasWaiting = alerts.length > 0;
  useEffect(() => {
    if (!hasWaiting) return;
    const timer = setInterval(() => repeater.tick(Date.now()), TONE_TICK_MS);
    return () => clearInterval(timer);
  }, [hasWaiting, repeater]);
}

type TBannerAlertProps = {
  alert: TAlert;
  more: number;
  isMuted: boolean;
  onMutedChange: (muted: boolean) => void;
  onView: (alert: TAlert) => void;
};

function BannerAlert({ alert, more, isMuted, onMutedChange, onView }: TBannerAlertProps) {
  const [outcome, setOutcome] = useState<TActionOutcome | null>(null);
  const acknowledge = useAlertAction(alert, setOutcome);
  return (
    <div className={styles.banner} data-testid="critical-banner" data-alert-id={alert.id}>
      <span className={styles.icon} aria-hidden="true">
        !
      </span>
      <p className={styles.text}>
        <strong>Critical: {alert.ruleName}</strong> — {alert.message} <span className={styles.where}>({alert.zone})</span>
        {more > 0 && <span className={styles.more}> and {more} more unacknowledged</span>}
        {isMuted && <span className={styles.more}> · tone muted on this browser</span>}
        {outcome?.tone === "error" && <span className={styles.error}> {outcome.message}</span>}
      </p>
      <div className={styles.actions}>
        <Button
          variant="onAlert"
          size="sm"
          title={isMuted ? "Sound the tone again on this browser" : "The tone repeats every 30 s until acknowledged"}
          data-testid="critical-banner-mute"
          data-muted={isMuted}
          onClick={() => onMutedChange(!isMuted)}
        >
          {isMuted ? "Unmute tone" : "Mute tone"}
        </Button>
        <Button variant="onAlert" size="sm" onClick={() => onView(alert)}>
          View
        </Button>
        <Button variant="critical" size="sm" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate({ kind: "acknowledge" })}>
          {acknowledge.isPending ? "Acknowledging…" : "Acknowledge"}
        </Button>
      </div>
    </div>
  );
}

/**
 * The banner's height as --critical-banner-height on the page, so a modal dialog (and its dimmed backdrop) starts
 * below it: a critical alert stays in view whatever else is open.
 */
function useBannerHeight() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const region = ref.current;
    if (!region) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      // Where the banner ends (below the top bar); nothing to keep clear while no critical alert shows.
      const box = region.getBoundingClientRect();
      if (box.height > 0) root.style.setProperty("--critical-banner-height", `${box.bottom}px`);
      else root.style.removeProperty("--critical-banner-height");
    });
    observer.observe(region);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--critical-banner-height");
    };
  }, []);
  return ref;
}

/**
 * Stays at the top while any critical alert is unacknowledged. The live region is always
 * mounted so a screen reader hears each new critical alert as it lands.
 */
export function CriticalBanner({ alerts, isMuted, onMutedChange, onView }: TCriticalBannerProps) {
  useCriticalTone(alerts, isMuted);
  const regionRef = useBannerHeight();
  const newest = alerts[0];
  return (
    <div className="critical-banner-region" ref={regionRef} data-testid="critical-banner-region">
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {newest ? `Critical alert: ${newest.ruleName}. ${newest.message}. ${newest.zone}.` : ""}
      </p>
      {newest && (
        <BannerAlert
          key={newest.id}
          alert={newest}
          more={alerts.length - 1}
          isMuted={isMuted}
          onMutedChange={onMutedChange}
          onView={onView}
        />
      )}
    </div>
  );
}
