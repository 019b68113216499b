import type { ReactNode } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { cx } from "@/components/ui/class-names";
import { AccessNotice } from "./access-notice";
import { AppHeader } from "./app-header";
import styles from "./app-page.module.css";

type TAppPageProps = {
  user: TCurrentUser;
  children: ReactNode;
  /** "wide" for tables (admin, audit); "narrow" for the single-column field page. */
  width?: "wide" | "narrow";
};

/** Header with navigation and account, and a scrolling main area: every page except the full-screen map. */
export function AppPage({ user, children, width = "wide" }: TAppPageProps) {
  return (
    <div className={styles.appPage}>
      <AppHeader user={user} />
      <main className={styles.main} id="main">
        <div className={cx(styles.content, styles[width])}>
          <AccessNotice className={styles.notice} />
          {children}
        </div>
      </main>
    </div>
  );
}
