import type { TDeadLetterPayload } from "@/lib/contracts/dead-letters";
import { LongText } from "@/components/ui/long-text";
import { formatBytes } from "./dead-letter-labels";
import styles from "./dead-letter-payload.module.css";

/** Two hex digits per byte, grouped in fours so a reader can count them. */
function groupHex(hex: string): string {
  return hex.replace(/(.{8})(?=.)/g, "$1 ");
}

/**
 * The payload as the sender sent it, always as React text (never HTML): UTF-8 text as it is, other bytes as hex,
 * long ones folded (LongText).
 */
export function DeadLetterPayload({ payload }: { payload: TDeadLetterPayload }) {
  if (payload.text === null && payload.hex === null) return <span className="muted">No payload</span>;
  const isHex = payload.text === null;
  return (
    <div className={styles.payload}>
      <code className={styles.code} data-testid="dead-letter-payload" data-format={isHex ? "hex" : "text"}>
        <LongText text={isHex ? groupHex(payload.hex!) : payload.text!} />
      </code>
      <span className={styles.meta}>
        {isHex ? "Not UTF-8 text: shown as hex" : "Text"}
        {payload.size !== null && ` · ${formatBytes(payload.size)}`}
        {payload.isTruncated && " · only the start was kept"}
      </span>
    </div>
  );
}
