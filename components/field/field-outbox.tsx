import { cx } from "@/components/ui/class-names";
import { CrewSectionTitle } from "./crew-section-title";
import { FIELD_ACTION_LABEL } from "./field-actions";
import styles from "./field-outbox.module.css";
import { outboxStateLabel, type TOutboxState } from "./outbox-state";
import type { TOutboxItem } from "./use-unit-actions";
import { formatClock } from "@/components/format/date-time";

/** Only the latest few: the queue is for "did it go?", not a history. */
const SHOWN = 8;

const STATE_CLASS: Record<TOutboxState, string | undefined> = {
  queued: styles.queued,
  sending: styles.sending,
  sent: styles.sent,
  failed: styles.failed,
};

/** What this phone sent or still has to send, oldest first (the order they reach the control room). */
export function FieldOutbox({ items, online }: { items: TOutboxItem[]; online: boolean }) {
  if (items.length === 0) return null;
  return (
    <section className={styles.outbox} aria-labelledby="crew-outbox-title">
      <CrewSectionTitle id="crew-outbox-title">Sent from this phone</CrewSectionTitle>
      <ol data-testid="field-outbox" aria-live="polite">
        {items.slice(-SHOWN).map((item) => (
          <li
            key={item.id}
            className={cx(styles.item, STATE_CLASS[item.state])}
            data-testid="outbox-item"
            data-state={item.state}
            data-action={item.action}
          >
            <span className={styles.what}>
              {FIELD_ACTION_LABEL[item.action] ?? item.action}
              {item.text && <span className={styles.text}>“{item.text}”</span>}
            </span>
            {item.at && <span className={styles.at}>{formatClock(item.at, { withSeconds: false })}</span>}
            <span className={styles.state}>
              {outboxStateLabel(item.state, { online, error: item.error, failedAttempts: item.failedAttempts })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
