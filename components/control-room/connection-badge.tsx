import type { TConnectionStatus } from "@/components/live/use-city-socket";
import { Button, ButtonLink } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import styles from "./connection-badge.module.css";

const LABEL: Record<TConnectionStatus, string> = {
  connecting: "Connecting",
  live: "Live",
  reconnecting: "Reconnecting",
  offline: "Offline",
  unavailable: "Server can't reach its database — retrying",
  "signed-out": "Signed out",
};

const STATUS_CLASS: Record<TConnectionStatus, string> = {
  connecting: styles.connecting,
  live: styles.live,
  reconnecting: styles.reconnecting,
  offline: styles.offline,
  unavailable: styles.unavailable,
  "signed-out": styles.signedOut,
};

/** Back to sign-in, then to this page: the live feed needs a session again. */
function SignInAgainLink() {
  const next = typeof window === "undefined" ? "/" : window.location.pathname;
  return (
    <ButtonLink size="sm" href={`/sign-in?next=${encodeURIComponent(next)}`}>
      Sign in
    </ButtonLink>
  );
}

type TConnectionBadgeProps = {
  status: TConnectionStatus;
  onRetry: () => void;
  /** The instance behind this browser's socket (several serve a city behind a load balancer). */
  instanceId?: string;
};

export function ConnectionBadge({ status, onRetry, instanceId }: TConnectionBadgeProps) {
  return (
    <div className={styles.connection}>
      <span
        className={cx(styles.badge, STATUS_CLASS[status])}
        data-testid="connection-badge"
        data-status={status}
        role="status"
        aria-live="polite"
        aria-label={`Connection: ${LABEL[status]}`}
        title={instanceId ? `Served by instance ${instanceId}` : undefined}
      >
        <span className={styles.dot} aria-hidden="true" />
        {LABEL[status]}
      </span>
      {status === "offline" && (
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      )}
      {status === "signed-out" && <SignInAgainLink />}
    </div>
  );
}
