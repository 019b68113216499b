import { cx } from "@/components/ui/class-names";
import styles from "./connection-indicator.module.css";
import type { TFieldConnection } from "./use-assignment-socket";

const LABEL: Record<TFieldConnection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  unavailable: "Server can't reach its database — retrying…",
  "signed-out": "Signed out — sign in again",
};

const STATUS_CLASS: Record<TFieldConnection, string | undefined> = {
  connecting: styles.connecting,
  live: styles.live,
  reconnecting: styles.reconnecting,
  offline: styles.offline,
  unavailable: styles.unavailable,
  "signed-out": styles.signedOut,
};

/** Whether new assignments reach this phone right now (the socket). */
export function ConnectionIndicator({ status }: { status: TFieldConnection }) {
  return (
    <span className={cx(styles.connection, STATUS_CLASS[status])} data-testid="field-connection" data-status={status}>
      <span className={styles.dot} aria-hidden="true" />
      <span className="visually-hidden">Updates: </span>
      {LABEL[status]}
    </span>
  );
}
