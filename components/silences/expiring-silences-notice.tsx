import { expiringSilences, type TSilence } from "@/lib/contracts/silences";
import { cx } from "@/components/ui/class-names";
import styles from "@/components/alerts/escalations-notice.module.css";
import { describeExpiry, describeMatchers } from "./silence-labels";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";
import tone from "./expiring-silences-notice.module.css";

const LISTED_MAX = 3;

/**
 * Silences that expire within 15 minutes: what they cover will ring again soon. The escalations notice's
 * shape, in the warning tone. Renders nothing while none is expiring (or before the clock is known).
 */
export function ExpiringSilencesNotice({ silences, now }: { silences: readonly TSilence[]; now: number | null }) {
  const domains = useDomainCatalog();
  const expiring = now === null ? [] : expiringSilences(silences, now);
  if (now === null || expiring.length === 0) return null;
  return (
    <section className={cx(styles.escalations, tone.warn)} aria-labelledby="expiring-silences-title" data-testid="expiring-silences">
      <h2 className={cx(styles.title, tone.title)} id="expiring-silences-title">
        Silences ending soon <span className={styles.count}>{expiring.length}</span>
      </h2>
      <ul className={styles.list}>
        {expiring.slice(0, LISTED_MAX).map((silence) => (
          <li key={silence.id} className={tone.item} data-testid="expiring-silence">
            <span>
              <strong>{silence.reason}</strong> · {describeMatchers(silence.matchers, undefined, domains.label)}
            </span>
            <span className={styles.who}>{describeExpiry(silence, now)}: new alerts it covers will ring again</span>
          </li>
        ))}
      </ul>
      {expiring.length > LISTED_MAX && <p className={cx(styles.more, tone.title)}>and {expiring.length - LISTED_MAX} more</p>}
    </section>
  );
}
