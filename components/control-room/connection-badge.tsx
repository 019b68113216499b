import type { TConnectionStatus } from "@/components/live/use-city-socket";

const LABEL: Record<TConnectionStatus, string> = {
  connecting: "Connecting",
  live: "Live",
  reconnecting: "Reconnecting",
  offline: "Offline",
};

type TConnectionBadgeProps = { status: TConnectionStatus; onRetry: () => void };

export function ConnectionBadge({ status, onRetry }: TConnectionBadgeProps) {
  return (
    <div className="connection">
      <span
        className={`badge badge--${status}`}
        data-testid="connection-badge"
        data-status={status}
        role="status"
        aria-live="polite"
        aria-label={`Connection: ${LABEL[status]}`}
      >
        <span className="badge__dot" aria-hidden="true" />
        {LABEL[status]}
      </span>
      {status === "offline" && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
