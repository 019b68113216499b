export type TFeedback = { tone: "ok" | "error"; message: string };

/** The outcome of the last action, announced politely; errors stay until dismissed. */
export function Feedback({ feedback, onDismiss }: { feedback: TFeedback | null; onDismiss: () => void }) {
  return (
    <div className="feedback-region" role="status" aria-live="polite" aria-atomic="true">
      {feedback && (
        <div className={`feedback feedback--${feedback.tone}`} data-testid="feedback" data-tone={feedback.tone}>
          <span className="feedback__icon" aria-hidden="true">
            {feedback.tone === "ok" ? "✓" : "!"}
          </span>
          <span className="feedback__message">{feedback.message}</span>
          <button type="button" className="icon-button feedback__close" aria-label="Dismiss message" onClick={onDismiss}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      )}
    </div>
  );
}
