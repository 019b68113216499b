import { Suspense } from "react";
import { AppHeader } from "@/components/nav/app-header";
import type { TCurrentUser } from "@/lib/contracts/auth";
import styles from "./analysis-page.module.css";
import { AnalysisView } from "./analysis-view";

/** The app header over a full-height map (AppPage scrolls its content; a map must not). */
export function AnalysisPage({ user }: { user: TCurrentUser }) {
  return (
    <div className={styles.analysisPage}>
      <AppHeader user={user} />
      <Suspense>
        <AnalysisView />
      </Suspense>
    </div>
  );
}
