"use client";

import { useEffect, useState } from "react";
import { errorMessage } from "@/components/api/request-json";
import { useAddContactPoint } from "@/components/notifications/notification-queries";
import { existingSubscription, isPushSupported, subscribeThisBrowser } from "@/components/notifications/push-subscription";
import { CrewButton } from "./crew-button";
import { FIELD_WORKER_PATH, FIELD_WORKER_SCOPE } from "./service-worker/field-sw-config";
import styles from "./phone-notifications.module.css";

type TState = "checking" | "unsupported" | "off" | "subscribing" | "on";

/**
 * "Notify me on this phone": a push contact point for this crew member, so a new assignment or a backup call
 * nearby rings the phone while it is locked or the page is closed. Asked on a tap only (browsers hold an
 * unasked permission prompt against the site).
 */
export function PhoneNotifications() {
  const [state, setState] = useState<TState>("checking");
  const [error, setError] = useState<string | null>(null);
  const add = useAddContactPoint();

  useEffect(() => {
    if (!isPushSupported()) return setState("unsupported");
    let isCurrent = true;
    existingSubscription(FIELD_WORKER_SCOPE).then(
      (subscription) => isCurrent && setState(subscription ? "on" : "off"),
      () => isCurrent && setState("off"),
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  const subscribe = async () => {
    setError(null);
    setState("subscribing");
    try {
      const subscription = await subscribeThisBrowser({ path: FIELD_WORKER_PATH, scope: FIELD_WORKER_SCOPE });
      await add.mutateAsync({ kind: "push", label: "Field phone", minSeverity: "critical", subscription });
      setState("on");
    } catch (failure) {
      setError(errorMessage(failure));
      setState("off");
    }
  };

  if (state === "checking") return null;
  if (state === "unsupported") {
    return (
      <p className={styles.note} data-testid="field-notify-unsupported">
        This browser cannot show notifications when the page is closed: keep CityNerve open to hear new jobs.
      </p>
    );
  }
  if (state === "on") {
    return (
      <p className={styles.note} role="status" data-testid="field-notify-on">
        This phone is notified of new jobs and backup calls, even when locked.
      </p>
    );
  }
  return (
    <div className={styles.notify} data-testid="field-notify">
      <p>Get new jobs and backup calls when the phone is locked.</p>
      <CrewButton variant="secondary" onClick={subscribe} disabled={state === "subscribing"} data-testid="field-notify-me">
        {state === "subscribing" ? "Asking…" : "Notify me on this phone"}
      </CrewButton>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
