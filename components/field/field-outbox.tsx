import { FIELD_ACTION_LABEL } from "./field-actions";
import { outboxStateLabel } from "./outbox-state";
import type { TOutboxItem } from "./use-unit-actions";
import { formatClock } from "@/components/format/date-time";

/** Only the latest few: the queue is for "did it go?", not a history. */
const SHOWN = 8;

/** What this phone sent or still has to send, oldest first (the order they reach the control room). */
export function FieldOutbox({ items, online }: { items: TOutboxItem[]; online: boolean }) {
  if (items.length === 0) return null;
  return (
    <section className="crew-outbox" aria-labelledby="crew-outbox-title">
      <h2 className="crew-section-title" id="crew-outbox-title">
        Sent from this phone
      </h2>
      <ol data-testid="field-outbox" aria-live="polite">
        {items.slice(-SHOWN).map((item) => (
          <li key={item.id} className={`crew-outbox__item crew-outbox__item--${item.state}`} data-testid="outbox-item" data-state={item.state} data-action={item.action}>
            <span className="crew-outbox__what">
              {FIELD_ACTION_LABEL[item.action] ?? item.action}
              {item.text && <span className="crew-outbox__text">“{item.text}”</span>}
            </span>
            {item.at && <span className="crew-outbox__at">{formatClock(item.at, { withSeconds: false })}</span>}
            <span className="crew-outbox__state">{outboxStateLabel(item.state, { online, error: item.error, failedAttempts: item.failedAttempts })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
