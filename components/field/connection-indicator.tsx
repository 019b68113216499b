import type { TFieldConnection } from "./use-assignment-socket";

const LABEL: Record<TFieldConnection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  unavailable: "Server can't reach its database — retrying…",
  "signed-out": "Signed out — sign in again",
};

/** Whether new assignments reach this phone right now (the socket). */
export function ConnectionIndicator({ status }: { status: TFieldConnection }) {
  return (
    <span className={`crew-connection crew-connection--${status}`} data-testid="field-connection" data-status={status}>
      <span className="crew-connection__dot" aria-hidden="true" />
      <span className="visually-hidden">Updates: </span>
      {LABEL[status]}
    </span>
  );
}
