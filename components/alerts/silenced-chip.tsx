import type { TAlertSilence } from "@/lib/contracts/silences";
import { formatDateTime } from "@/components/format/date-time";
import { Chip } from "@/components/ui/chip";
import styles from "./silenced-chip.module.css";

/** A silenced alert's marker in the queue and the drawer: why it is quiet. */
export function SilencedChip({ silence }: { silence: TAlertSilence }) {
  return (
    <Chip
      appearance="tag"
      title={`Silenced until ${formatDateTime(silence.endsAt, { withSeconds: false })}`}
      data-testid="alert-silenced-chip"
    >
      Silenced: {silence.reason}
    </Chip>
  );
}

/** In the drawer: what silenced means, and that the end of the silence does not make this alert ring. */
export function SilencedNote({ silence }: { silence: TAlertSilence }) {
  return (
    <p className={styles.note} data-testid="alert-silenced-note">
      Silenced ({silence.reason}) until {formatDateTime(silence.endsAt, { withSeconds: false })}: it does not sound, show in the banner or
      escalate. It stays silenced when the silence ends or is cancelled; alerts raised after that ring as usual.
    </p>
  );
}
