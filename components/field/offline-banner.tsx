import styles from "./offline-banner.module.css";

/** While offline: taps are kept on the phone, so the crew keeps working instead of retrying. */
export function OfflineBanner() {
  return (
    <div className={styles.offline} role="status" data-testid="field-offline-banner">
      <strong>You are offline.</strong> Status taps and notes are kept on this phone and sent in order when the connection returns.
    </div>
  );
}
