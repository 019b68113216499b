import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TIngestStats } from "@/lib/contracts/realtime";
import type { TConnectionStatus } from "@/components/live/use-city-socket";
import { AppNav } from "@/components/nav/app-nav";
import { Brand } from "@/components/nav/brand";
import { canOpen, DEAD_LETTERS_PATH } from "@/components/nav/nav-items";
import { UserMenu } from "@/components/nav/user-menu";
import { ConnectionBadge } from "./connection-badge";
import { LiveFigures } from "./live-figures";
import { useNow } from "@/components/format/use-now";
import { cx } from "@/components/ui/class-names";
import styles from "./top-bar.module.css";

type TTopBarProps = {
  user: TCurrentUser;
  cityName: string | null;
  status: TConnectionStatus;
  stats: TIngestStats | null;
  onRetry: () => void;
};

export function TopBar({ user, cityName, status, stats, onRetry }: TTopBarProps) {
  const now = useNow();
  return (
    // Global name kept: nav/user-menu.module.css places the menu inside `.control-room .top-bar` on phones.
    <header className={cx(styles.topBar, "top-bar")}>
      <div className={styles.identity}>
        <Brand />
        <span className={styles.divider} aria-hidden="true" />
        <h1 className={styles.city} title={cityName ?? undefined} data-slot="city-name">
          {cityName ?? "Loading city…"}
        </h1>
        <ConnectionBadge status={status} onRetry={onRetry} instanceId={stats?.instanceId} />
      </div>
      <AppNav role={user.role} variant="inline" />
      <LiveFigures
        stats={stats}
        now={now}
        isStale={status !== "live"}
        deadLettersHref={canOpen(user.role, DEAD_LETTERS_PATH) ? DEAD_LETTERS_PATH : null}
      />
      <UserMenu user={user} />
    </header>
  );
}
