import type { TPositionSharing } from "./use-position-sharing";
import { formatClock } from "@/components/format/date-time";
import { CrewSectionTitle } from "./crew-section-title";
import styles from "./position-sharing.module.css";

/** Opt-in switch: the browser asks for location permission only once this is turned on. */
export function PositionSharing({ sharing, online }: { sharing: TPositionSharing; online: boolean }) {
  const { on, setOn, position, lastSentAt, problem } = sharing;
  let status = "Off. The control room sees your unit's last reported position.";
  if (on && !online) status = "Not sending while offline.";
  else if (on && lastSentAt !== null) status = `Last sent ${formatClock(lastSentAt)}`;
  else if (on) status = position ? "Position found, not sent yet." : "Waiting for your position…";

  return (
    <section className={styles.position} aria-labelledby="crew-position-title">
      <div className={styles.row}>
        <CrewSectionTitle id="crew-position-title">Share my position</CrewSectionTitle>
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby="crew-position-title"
          className={styles.switch}
          data-testid="field-share-position"
          onClick={() => setOn(!on)}
        >
          <span className={styles.track} aria-hidden="true">
            <span className={styles.thumb} />
          </span>
          <span className={styles.text} aria-hidden="true">
            {on ? "On" : "Off"}
          </span>
        </button>
      </div>
      <p className={styles.status} role="status" data-testid="field-position-status">
        {status}
      </p>
      {problem && (
        <p className={styles.problem} role="alert" data-testid="field-position-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
