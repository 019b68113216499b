import { cx } from "@/components/ui/class-names";
import { IconButton } from "@/components/ui/icon-button";
import styles from "./feedback.module.css";

export type TFeedback = { tone: "ok" | "error"; message: string };

/** The outcome of the last action, announced politely; errors stay until dismissed. */
export function Feedback({ feedback, onDismiss }: { feedback: TFeedback | null; onDismiss: () => void }) {
  return (
    <div className={styles.region} role="status" aria-live="polite" aria-atomic="true">
      {feedback && (
        <div className={cx(styles.feedback, styles[feedback.tone])} data-testid="feedback" data-tone={feedback.tone}>
          <span className={styles.icon} aria-hidden="true">
            {feedback.tone === "ok" ? "✓" : "!"}
          </span>
          <span className={styles.message}>{feedback.message}</span>
          <IconButton className={styles.close} aria-label="Dismiss message" onClick={onDismiss}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
            </svg>
          </IconButton>
        </div>
      )}
    </div>
  );
}
