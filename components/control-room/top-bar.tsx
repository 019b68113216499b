import type { TIngestStats } from "@/lib/contracts/realtime";
import type { TConnectionStatus } from "@/components/live/use-city-socket";
import { ConnectionBadge } from "./connection-badge";
import { LiveFigures } from "./live-figures";
import { useNow } from "./use-now";

type TTopBarProps = {
  cityName: string | null;
  status: TConnectionStatus;
  stats: TIngestStats | null;
  onRetry: () => void;
};

function Logo() {
  return (
    <svg className="brand__mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" strokeWidth="1.5" opacity="0.45" />
      <path d="M3 13h4l2.2-5 3.6 9 2.4-6 1.3 2H21" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function TopBar({ cityName, status, stats, onRetry }: TTopBarProps) {
  const now = useNow();
  return (
    <header className="top-bar">
      <div className="top-bar__identity">
        <div className="brand">
          <Logo />
          <span className="brand__name">CityNerve</span>
        </div>
        <span className="top-bar__divider" aria-hidden="true" />
        <h1 className="top-bar__city" title={cityName ?? undefined}>
          {cityName ?? "Loading city…"}
        </h1>
        <ConnectionBadge status={status} onRetry={onRetry} />
      </div>
      <LiveFigures stats={stats} now={now} isStale={status !== "live"} />
    </header>
  );
}
