import { CrewButton } from "./crew-button";
import styles from "./crew-notice.module.css";

/**
 * What the control room did to this crew's job, in words, until they dismiss it: a recall must never look like
 * the phone silently switching to "stand by", and an answered backup request must reach the crew who asked.
 */
export function CrewNotice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className={styles.notice} role="alert" data-testid="field-notice">
      <p className={styles.text}>{message}</p>
      <CrewButton variant="secondary" onClick={onDismiss}>
        Got it
      </CrewButton>
    </div>
  );
}
